// A transparent stand-in for letta.js that lets a test write one stdout line into a real CLI's output, as if the
// CLI had printed it (CliFrameRelay is its Java side). The SDK runs `node [node options] letta-relay.js <args>`;
// this runs `node [the same node options] $LETTA_RELAY_CLI <the same args>` with the same environment (the SDK's
// lineage marker included, so the SDK's reaper finds the real CLI and its tools too), forwards stdin and stderr
// byte for byte and stdout line by line, and exits as the CLI did: the same code, or the same signal re-raised.
// SIGTERM, SIGINT and SIGHUP are passed on to the CLI. An injected line is written between two whole lines of the
// CLI's: it is taken from the file $LETTA_RELAY_INJECT_DIR/<this pid>.line (written whole, then renamed into place)
// and the file is deleted.
"use strict";
const {spawn} = require("child_process");
const fs = require("fs");
const path = require("path");

const cli = process.env.LETTA_RELAY_CLI;
if (!cli) {
  process.stderr.write("letta-relay.js: LETTA_RELAY_CLI (the real letta.js) is not set\n");
  process.exit(2);
}
const child = spawn(process.execPath, [...process.execArgv, cli, ...process.argv.slice(2)],
  {stdio: ["pipe", "pipe", "pipe"], env: process.env});

process.stdin.pipe(child.stdin);
child.stdin.on("error", () => {}); // the CLI died: what is still written to it goes nowhere, as to a dead CLI
child.stderr.pipe(process.stderr);

// Only whole lines are written to stdout, so whatever was written last ends with a newline and an injected line
// can follow at any time. The CLI's unfinished line waits here until its newline arrives.
let partial = [];
child.stdout.on("data", (chunk) => {
  const newline = chunk.lastIndexOf(10);
  if (newline < 0) {
    partial.push(chunk);
    return;
  }
  partial.push(chunk.subarray(0, newline + 1));
  const whole = Buffer.concat(partial);
  partial = newline + 1 < chunk.length ? [chunk.subarray(newline + 1)] : [];
  write(whole);
});

function write(bytes) {
  if (!process.stdout.write(bytes)) {
    child.stdout.pause();
    process.stdout.once("drain", () => child.stdout.resume());
  }
}

const injectDir = process.env.LETTA_RELAY_INJECT_DIR;
const injectFile = injectDir ? path.join(injectDir, process.pid + ".line") : null;
const poll = injectFile ? setInterval(() => {
  let text;
  try {
    text = fs.readFileSync(injectFile);
    fs.unlinkSync(injectFile);
  } catch (e) {
    return; // nothing to inject
  }
  write(Buffer.concat([text, Buffer.from("\n")]));
}, 20) : null;
if (poll) poll.unref();

for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"]) {
  process.on(signal, () => child.kill(signal));
}

let exited = null;
let finished = false;
child.on("exit", (code, signal) => {
  exited = {code, signal};
  // A tool that inherited the CLI's stdout could keep it open; do not wait for it long.
  setTimeout(finish, 500).unref();
});
child.stdout.on("end", () => {
  if (partial.length) write(Buffer.concat(partial));
  partial = [];
  if (exited) finish();
  else child.on("exit", () => finish());
});

function finish() {
  if (finished || !exited) return;
  finished = true;
  if (poll) clearInterval(poll);
  if (exited.signal) {
    for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"]) process.removeAllListeners(signal);
    process.kill(process.pid, exited.signal);
    setTimeout(() => process.exit(1), 1000).unref();
  } else {
    process.exit(exited.code === null ? 1 : exited.code);
  }
}

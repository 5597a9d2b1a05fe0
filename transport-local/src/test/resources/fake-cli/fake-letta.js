// A fake Letta Code CLI for fault tests: it speaks just enough of the stdio NDJSON protocol, fast (a node start
// instead of the 35 MB bundle). FAKE_MODE picks the behaviour; the argv is echoed in system/init.cwd's sibling.
const mode = process.env.FAKE_MODE || "normal";
const out = (o) => process.stdout.write(JSON.stringify(o) + "\n");
// Like the CLI, an agent's default conversation is named "default".
const conversation = process.argv.join(" ").includes("--conversation default") ? "default" : "conv-fake-1";
const init = () => out({type: "system", subtype: "init", agent_id: "agent-fake-1", session_id: "agent-fake-1",
  conversation_id: conversation, model: "fake-model", tools: ["Bash"], cwd: process.cwd(), argv: process.argv.slice(2),
  permission_mode: ""});

const args = process.argv.slice(2);
if (args[0] === "model" && args[1] === "set") {
  // `letta model set [handle] [--reasoning <level>] --agent <id> | --conversation <id>`, as CLI 0.32.18 answers
  // it for a model that advertises only "none"; FAKE_ARGV_LOG records each call.
  if (process.env.FAKE_ARGV_LOG) require("fs").appendFileSync(process.env.FAKE_ARGV_LOG, args.join(" ") + "\n");
  const handle = args[2] && !args[2].startsWith("--") ? args[2] : "openai-compatible/fake-model";
  const level = args.includes("--reasoning") ? args[args.indexOf("--reasoning") + 1] : undefined;
  if (level !== undefined && level !== "none") {
    process.stderr.write(`Unsupported reasoning level '${level}' for ${handle}. Supported: none\n`);
    process.exit(1);
  }
  const scope = args.includes("--conversation") ? "conversation" : "agent";
  out({agent: {model: handle}, conversation: null, effective: {scope, model: handle}});
  return;
}
if (mode === "reject-flag") {
  process.stderr.write("Error: Unknown option '--bogus'\n");
  process.exit(1);
}
if (mode === "no-memfs") {
  // What CLI 0.32.18 prints when --reflection-trigger meets an agent without memfs (headless-reflection-settings.ts).
  process.stderr.write("Failed to apply sleeptime settings: --reflection-trigger step-count requires memfs enabled"
    + " for this agent.\n");
  process.exit(1);
}
if (mode === "api-refused") {
  // What CLI 0.32.18 prints when its Letta API refuses a startup request (POST /v1/agents for --new-agent): one
  // stdout error line with the Letta client's "<status> <body>", nothing on stderr, exit 1.
  const status = process.env.FAKE_STATUS || "401";
  out({type: "error", message: status + ' {"detail":"refused ' + status + '"}', stop_reason: "error",
    session_id: "startup", uuid: "startup-error-1", timestamp: new Date().toISOString()});
  process.exit(1);
}
if (mode === "silent") {
  process.stderr.write("still loading something slow\n");
  setInterval(() => {}, 1000);
  return;
}
if (mode === "echo-env") {
  // A CLI that dumps its environment in an error, as a crash report or a debug mode might.
  for (const [name, value] of Object.entries(process.env)) process.stderr.write(name + "=" + value + "\n");
  process.stderr.write("Authorization: Bearer " + (process.env.LETTA_API_KEY || "") + "\n");
  process.exit(1);
}
if (mode === "deaf") {
  // Hung on something else: never reads stdin, so the pipe fills and a writer blocks.
  init();
  setInterval(() => {}, 1000);
  return;
}
if (mode === "ignore-term" || mode === "ignore-eof") {
  if (mode === "ignore-term") process.on("SIGTERM", () => {});
  // A grandchild, like a tool or a reflection subagent: it must die with us.
  require("child_process").spawn("sleep", ["300"], {stdio: "ignore"});
  setInterval(() => {}, 1000);
}
init();

let n = 0;
let buf = "";
process.stdin.on("data", (d) => {
  buf += d;
  let i;
  while ((i = buf.indexOf("\n")) >= 0) {
    const line = buf.slice(0, i);
    buf = buf.slice(i + 1);
    handle(line);
  }
});
process.stdin.on("end", () => {
  out({type: "queue_cleared", reason: "shutdown", cleared_count: 0});
  if (mode !== "ignore-eof" && mode !== "ignore-term") process.exit(0);
});

// hang-once: only the first turn run in a working directory hangs (a marker file there remembers it).
function firstProcessOfThisDir() {
  const fs = require("fs");
  const marker = require("path").join(process.cwd(), ".fake-cli-hung-once");
  if (fs.existsSync(marker)) return false;
  fs.writeFileSync(marker, String(process.pid));
  return true;
}

function handle(line) {
  let msg;
  try { msg = JSON.parse(line); } catch (e) { out({type: "error", message: "Invalid JSON input", stop_reason: "error"}); return; }
  if (msg.type === "control_request") {
    out({type: "control_response", response: {subtype: "success", request_id: msg.request_id,
      response: {echo: msg.request}}});
    return;
  }
  if (msg.type !== "user") return;
  n++;
  out({type: "queue_item_enqueued", item_id: "q-" + n, client_message_id: "cm-q-" + n, source: "user",
    kind: "message", queue_len: 1});
  out({type: "queue_batch_dequeued", batch_id: "batch-" + n, item_ids: ["q-" + n], merged_count: 1, queue_len_after: 0});
  const text = typeof msg.message.content === "string" ? msg.message.content : JSON.stringify(msg.message.content);
  if (mode === "garbage") {
    process.stdout.write("this is not json\n");
    process.stdout.write("{\"type\":\"message\",\"message_type\":\"assist"); // a partial line...
    process.stdout.write("\n{\"type\":\"brand_new_event\",\"x\":1}\n\n   \n");
  }
  if (mode === "huge") {
    const big = "x".repeat(64 * 1024 * 1024);
    out({type: "message", message_type: "tool_return_message", tool_call_id: "call_1", status: "success",
      tool_return: big});
  }
  if (mode === "die-mid-turn") {
    out({type: "message", message_type: "assistant_message", id: "m1", content: [{type: "text", text: "half"}]});
    process.stderr.write("boom: the fake CLI crashed\n");
    setTimeout(() => process.exit(3), 20);
    return;
  }
  if (mode === "hang-turn" || (mode === "hang-once" && firstProcessOfThisDir())) {
    out({type: "message", message_type: "assistant_message", id: "m1", content: [{type: "text", text: "working"}]});
    return;
  }
  out({type: "message", message_type: "assistant_message", id: "m" + n, content: [{type: "text", text: "echo: "}]});
  out({type: "message", message_type: "assistant_message", id: "m" + n, content: [{type: "text", text: text}]});
  out({type: "message", message_type: "stop_reason", stop_reason: "end_turn"});
  out({type: "result", subtype: "success", duration_ms: 1, duration_api_ms: 0, num_turns: 1, result: "echo: " + text,
    agent_id: "agent-fake-1", conversation_id: "conv-fake-1", run_ids: [], usage: null});
}

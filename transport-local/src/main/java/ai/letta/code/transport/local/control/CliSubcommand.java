package ai.letta.code.transport.local.control;

import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.exception.OperationTimeoutException;
import ai.letta.code.api.exception.TransportException;
import ai.letta.code.spi.Redaction;
import ai.letta.code.transport.local.process.LaunchSpec;
import ai.letta.code.transport.local.process.StderrTail;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.PumpStreamHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one of the CLI's JSON-only subcommands ({@code letta model list|get|set}, {@code letta agents list}) with
 * the same {@code HOME}, environment and backend flags as the sessions, so it sees the same agents, providers and
 * settings (local-stdio.md §3.4). About 1.2–1.4 s each: the 35 MB bundle loads every time.
 *
 * <p>Blocking; thread-safe (each call is its own process). stdin is closed at once; the run is bounded by the
 * request timeout.
 */
final class CliSubcommand {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /**
     * Makes the child's stdout blocking. The CLI prints its JSON and exits at once, and Node writes to a pipe
     * asynchronously, so what had not drained by then was lost: {@code letta agents list} was cut at 65,536 bytes
     * (the pipe buffer) as soon as a few agents' system prompts filled it (verified on CLI 0.32.18, Node 22.23.3).
     */
    static final String BLOCKING_STDOUT = "--import=data:text/javascript,process.stdout._handle?.setBlocking?.(true)";

    private final LaunchSpec spec;
    private final Duration timeout;

    /**
     * @param spec how to launch the CLI (node, letta.js, backend flags, env, cwd)
     * @param timeout how long one subcommand may run
     */
    CliSubcommand(LaunchSpec spec, Duration timeout) {
        this.spec = spec;
        this.timeout = timeout;
    }

    /**
     * @param args the subcommand and its arguments, e.g. {@code model list}
     * @return its JSON output
     * @throws ConfigurationException if the CLI rejected the arguments (its message quoted)
     * @throws TransportException if it could not run or printed no JSON
     */
    JsonNode run(List<String> args) {
        List<String> command = new ArrayList<>(spec.programs());
        command.add(1, BLOCKING_STDOUT); // a Node option: after node, before letta.js
        command.addAll(args);
        command.addAll(spec.backendArgs());
        CommandLine line = new CommandLine(command.get(0));
        command.subList(1, command.size()).forEach(a -> line.addArgument(a, false));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ExecuteWatchdog watchdog = ExecuteWatchdog.builder().setTimeout(timeout).get();
        DefaultExecutor executor = DefaultExecutor.builder().setWorkingDirectory(spec.workingDirectory()).get();
        executor.setStreamHandler(new PumpStreamHandler(out, err));
        executor.setWatchdog(watchdog);
        executor.setExitValues(null);
        int code;
        try {
            code = executor.execute(line, spec.env());
        } catch (IOException e) {
            throw new TransportException("could not run `letta " + String.join(" ", args) + "`: " + e.getMessage(),
                    null, null, e);
        }
        // The CLI may echo its environment or a key in an error: nothing it printed is quoted unredacted.
        List<String> secrets = StderrTail.secretValues(spec.env());
        String stdout = Redaction.text(out.toString(StandardCharsets.UTF_8).strip(), secrets);
        String stderr = Redaction.tail(Redaction.text(err.toString(StandardCharsets.UTF_8).strip(), secrets),
                Redaction.MAX_TAIL);
        if (watchdog.killedProcess()) {
            throw new OperationTimeoutException("`letta " + String.join(" ", args) + "` did not finish within "
                    + timeout.toMillis() + " ms (LocalOptions.requestTimeout)");
        }
        if (code != 0) {
            String why = !stderr.isEmpty() ? stderr : Redaction.head(stdout, Redaction.MAX_MESSAGE);
            throw new ConfigurationException("`letta " + String.join(" ", args) + "` failed with exit code " + code
                    + ": " + why);
        }
        try {
            return JSON.readTree(stdout);
        } catch (JacksonException e) {
            throw new TransportException("`letta " + String.join(" ", args) + "` printed no JSON: "
                    + Redaction.head(stdout, Redaction.MAX_MESSAGE), code, stderr, e);
        }
    }
}

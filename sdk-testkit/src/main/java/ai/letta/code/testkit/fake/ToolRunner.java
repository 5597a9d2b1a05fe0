package ai.letta.code.testkit.fake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.PumpStreamHandler;

/**
 * Runs the tools the scripted model calls, for real, in the session's working directory: {@code Bash} (and the
 * codex-style {@code exec_command}) through {@code bash -c} with Commons Exec, {@code Read} and {@code Write} on
 * files. So "the file exists after allow and is absent after deny" holds exactly as on the real CLI. One runner per
 * session; {@link #cancel()} kills a running command (interrupt, close, crash).
 */
final class ToolRunner {

    /** The output of one tool call. */
    record Output(String content, boolean error) {}

    private final Path cwd;
    private final Map<String, String> env;
    private final boolean runsTools;
    private final Duration timeout;
    private final AtomicReference<ExecuteWatchdog> running = new AtomicReference<>();

    ToolRunner(Path cwd, Map<String, String> env, boolean runsTools, Duration timeout) {
        this.cwd = Objects.requireNonNull(cwd, "cwd");
        this.env = Map.copyOf(env);
        this.runsTools = runsTools;
        this.timeout = timeout;
    }

    /** @return the shell command of a shell tool call, or {@code null} if it is not one */
    static String shellCommand(String toolName, Map<String, Object> input) {
        Object command = switch (toolName) {
            case "Bash" -> input.get("command");
            case "exec_command" -> input.get("cmd");
            default -> null;
        };
        return command == null ? null : command.toString();
    }

    Output run(String toolName, Map<String, Object> input) {
        if (!runsTools) {
            return new Output("(" + toolName + " not run: this in-memory transport does not run tools)", false);
        }
        String command = shellCommand(toolName, input);
        if (command != null) {
            return shell(command);
        }
        try {
            return switch (toolName) {
                case "Read" -> new Output(Files.readString(file(input)), false);
                case "Write" -> {
                    Files.writeString(file(input), Objects.toString(input.get("content"), ""));
                    yield new Output("Wrote " + file(input), false);
                }
                case "AskUserQuestion" -> new Output("User answered: " + input, false);
                default -> new Output("Tool not found: " + toolName, true);
            };
        } catch (IOException | UncheckedIOException e) {
            return new Output("Error: " + e.getMessage(), true);
        }
    }

    /** Kills the command that runs now, if any. */
    void cancel() {
        ExecuteWatchdog watchdog = running.get();
        if (watchdog != null) {
            watchdog.destroyProcess();
        }
    }

    private Output shell(String command) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        ExecuteWatchdog watchdog = ExecuteWatchdog.builder().setTimeout(timeout).get();
        DefaultExecutor executor = DefaultExecutor.builder().setWorkingDirectory(cwd).get();
        executor.setStreamHandler(new PumpStreamHandler(output, output));
        executor.setWatchdog(watchdog);
        executor.setExitValues(null);
        Map<String, String> processEnv = new HashMap<>(System.getenv());
        processEnv.putAll(env);
        running.set(watchdog);
        try {
            int exit = executor.execute(new CommandLine("bash").addArgument("-c").addArgument(command, false),
                    processEnv);
            String text = output.toString(StandardCharsets.UTF_8).strip();
            if (watchdog.killedProcess()) {
                return new Output("Error: command killed (timeout or interrupt)\n" + text, true);
            }
            return exit == 0 ? new Output(text, false) : new Output("Exit code " + exit + "\n" + text, true);
        } catch (IOException e) {
            return new Output("Error: " + e.getMessage(), true);
        } finally {
            running.set(null);
        }
    }

    private Path file(Map<String, Object> input) {
        Object path = input.getOrDefault("file_path", input.get("path"));
        if (path == null) {
            throw new UncheckedIOException(new IOException("missing required parameter: file_path"));
        }
        return cwd.resolve(path.toString());
    }
}

package ai.letta.code.transport.local.install;

import ai.letta.code.api.exception.CliNotFoundException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.PumpStreamHandler;

/** Runs one install command through Commons Exec with a timeout; a failure names the command and its output. */
final class CommandRunner {

    private final Map<String, String> env;

    /** @param env the environment the commands run with */
    CommandRunner(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /**
     * @param program the program
     * @param args its arguments, passed as they are (no shell)
     * @param dir the working directory
     * @param timeout killed after this long
     * @param what what the command does, for the failure message
     * @return its output (stdout and stderr), stripped
     * @throws CliNotFoundException if it fails, times out or cannot start
     */
    String run(Path program, List<String> args, Path dir, Duration timeout, String what) {
        CommandLine line = new CommandLine(program.toFile());
        args.forEach(a -> line.addArgument(a, false));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExecuteWatchdog watchdog = ExecuteWatchdog.builder().setTimeout(timeout).get();
        DefaultExecutor executor = DefaultExecutor.builder().setWorkingDirectory(dir.toFile()).get();
        executor.setStreamHandler(new PumpStreamHandler(out, out));
        executor.setWatchdog(watchdog);
        executor.setExitValues(null);
        int code;
        try {
            code = executor.execute(line, env);
        } catch (IOException e) {
            throw new CliNotFoundException("Could not " + what + ": " + program + " did not start ("
                    + e.getMessage() + ")", e);
        }
        String text = out.toString(StandardCharsets.UTF_8).strip();
        if (watchdog.killedProcess()) {
            throw new CliNotFoundException("Could not " + what + ": " + program + " " + String.join(" ", args)
                    + " took longer than " + timeout.toSeconds() + " s" + tail(text));
        }
        if (code != 0) {
            throw new CliNotFoundException("Could not " + what + ": " + program + " " + String.join(" ", args)
                    + " exited with " + code + tail(text));
        }
        return text;
    }

    private static String tail(String text) {
        if (text.isEmpty()) {
            return "";
        }
        return "; its output ends:\n" + (text.length() <= 2000 ? text : "…" + text.substring(text.length() - 2000));
    }
}

package ai.letta.code.transport.local;

import ai.letta.code.transport.local.process.LaunchSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The baseline of {@link LocalSideBySide}: the CLI driven with no SDK in between. It spawns {@code node letta.js}
 * with exactly the command line and environment the SDK would use (the caller builds them from the SDK's own
 * {@link LaunchSpec} and {@code CliArguments}), writes NDJSON user lines to stdin and reads stdout to the
 * {@code result} line: what a minimal hand-written driver does. One daemon thread reads stdout into a queue so
 * every wait is bounded; stderr is discarded.
 */
final class RawCliDriver implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Marks the end of stdout in the queue. */
    private static final JsonNode EOF = JSON.createObjectNode().put("type", "eof");

    private final Process process;
    private final OutputStream stdin;
    private final LinkedBlockingQueue<JsonNode> lines = new LinkedBlockingQueue<>();
    private final long spawnedAt;
    private volatile long lastDurationMs;

    private RawCliDriver(Process process, long spawnedAt) {
        this.process = process;
        this.stdin = process.getOutputStream();
        this.spawnedAt = spawnedAt;
        Thread reader = new Thread(this::pump, "raw-cli-stdout-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * @param spec the SDK's launch settings for the session (programs, backend flags, env, working directory)
     * @param args the flags after the backend flags, e.g. {@code CliArguments.session(...)}
     * @return the running CLI; the caller closes it
     */
    static RawCliDriver spawn(LaunchSpec spec, List<String> args) {
        List<String> command = new ArrayList<>(spec.programs());
        command.addAll(spec.backendArgs());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(spec.workingDirectory().toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().clear();
        builder.environment().putAll(spec.env());
        long start = System.nanoTime();
        try {
            return new RawCliDriver(builder.start(), start);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs a one-off subcommand ({@code letta model list}, {@code model set ...}) to its exit.
     *
     * @param spec the SDK's launch settings
     * @param args the subcommand and its arguments
     * @return what it printed on stdout
     */
    static String subcommand(LaunchSpec spec, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(spec.programs());
        command.addAll(args);
        command.addAll(spec.backendArgs());
        ProcessBuilder builder = new ProcessBuilder(command).directory(spec.workingDirectory().toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().clear();
        builder.environment().putAll(spec.env());
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("`letta " + String.join(" ", args) + "` failed: "
                    + new String(out, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    /** @return the {@code system/init} line; the time since spawn is {@link #sinceSpawn()} right after */
    JsonNode awaitInit() throws InterruptedException {
        return await("system", "init");
    }

    /** @return nanoseconds since the process was spawned */
    long sinceSpawn() {
        return System.nanoTime() - spawnedAt;
    }

    /**
     * One turn: writes a user line and reads to its {@code result}.
     *
     * @param text the user message
     * @return nanoseconds from the write to the {@code result} line
     */
    long turn(String text) throws Exception {
        long start = System.nanoTime();
        send(JSON.writeValueAsString(JSON.createObjectNode().put("type", "user")
                .set("message", JSON.createObjectNode().put("role", "user").put("content", text))));
        JsonNode result = await("result", null);
        long took = System.nanoTime() - start;
        if (!"success".equals(result.path("subtype").asString())) {
            throw new IllegalStateException("raw turn failed: " + result);
        }
        lastDurationMs = result.path("duration_ms").asLong(0);
        return took;
    }

    /** @return the {@code duration_ms} of the last turn's {@code result}: how long the CLI itself says it took */
    long lastDurationMs() {
        return lastDurationMs;
    }

    private void send(String line) throws IOException {
        stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    private JsonNode await(String type, String subtype) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line == EOF) {
                throw new IllegalStateException("the CLI exited before a " + type + " line");
            }
            if (line != null && type.equals(line.path("type").asString())
                    && (subtype == null || subtype.equals(line.path("subtype").asString()))) {
                return line;
            }
        }
        throw new IllegalStateException("no " + type + " line within " + WAIT.toSeconds() + " s");
    }

    private void pump() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("{")) {
                    lines.add(JSON.readTree(line));
                }
            }
        } catch (IOException | RuntimeException e) {
            // The process was closed under us: the waits see EOF below.
        }
        lines.add(EOF);
    }

    /** Closes stdin (the CLI exits on EOF when idle), waits up to 3 s, then kills the tree. */
    @Override
    public void close() throws InterruptedException {
        try {
            stdin.close();
        } catch (IOException e) {
            // Already gone.
        }
        if (!process.waitFor(3, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(3, TimeUnit.SECONDS);
        }
    }
}

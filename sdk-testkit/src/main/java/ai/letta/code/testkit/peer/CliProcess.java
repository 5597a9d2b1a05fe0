package ai.letta.code.testkit.peer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A running stdio CLI started by {@link LettaCodeCli#start()}: write NDJSON lines to its stdin, read its stdout
 * lines with bounded waits, and close it.
 *
 * <p>Every wait takes a timeout and fails with a {@link PeerProcessException} that quotes the stdout and stderr
 * tails. stderr is drained on its own thread into a bounded tail; stdout lines queue up unbounded until read (tests
 * read what they need and close). Writing is thread-safe; reading is meant for one thread at a time.
 *
 * <p>{@link #close()} ends stdin (the CLI drains and exits 0, local-stdio.md §4.6), waits the grace period, then
 * sends SIGTERM and SIGKILL to the CLI and every descendant, and deletes the scratch folders. It is idempotent.
 */
public final class CliProcess extends PeerProcess {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int SKIPPED_LINES_SHOWN = 8;

    /** Marks the end of stdout in the line queue; {@code failure} is null for a plain end of stream. */
    private record End(Exception failure) {
    }

    private final Duration closeGrace;
    private final LinkedBlockingDeque<Object> lines;
    private final ReentrantLock writeLock = new ReentrantLock();
    private volatile boolean closed;

    private CliProcess(ChildProcess child, ScratchDirs dirs, Duration closeGrace, boolean keepScratch,
            LinkedBlockingDeque<Object> lines) {
        super(child, dirs, keepScratch);
        this.closeGrace = closeGrace;
        this.lines = lines;
    }

    static CliProcess start(List<String> command, ScratchDirs dirs, Map<String, String> env, int maxLineChars,
            Duration closeGrace, boolean keepScratch) {
        LinkedBlockingDeque<Object> lines = new LinkedBlockingDeque<>();
        ChildProcess child = ChildProcess.start("letta-cli", command, dirs.workDir(), env, maxLineChars,
                new LinePump.Sink() {
                    @Override
                    public void line(String line) {
                        lines.addLast(line);
                    }

                    @Override
                    public void end(Exception failure) {
                        lines.addLast(new End(failure));
                    }
                });
        return new CliProcess(child, dirs, closeGrace, keepScratch, lines);
    }

    /** @return time since the spawn, for start-up measurements */
    public Duration sinceSpawn() {
        return child().sinceSpawn();
    }

    /**
     * Writes one NDJSON line to stdin. The line must be a single line: a raw line break would split one message
     * into two invalid ones (JSON serializers escape line breaks inside strings, so compact JSON never has one).
     *
     * @param jsonLine one line of JSON, without the line break
     */
    public void send(String jsonLine) {
        sendAll(jsonLine);
    }

    /**
     * Writes several NDJSON lines in one write and one flush, so the CLI reads them back-to-back: how a test makes
     * an {@code interrupt} race a just-sent {@code user} line, or two user lines merge into one batch.
     *
     * @param jsonLines the lines of JSON, without line breaks
     */
    public void sendAll(String... jsonLines) {
        StringBuilder text = new StringBuilder();
        for (String line : jsonLines) {
            if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("an NDJSON line must not contain a line break: " + line);
            }
            text.append(line).append('\n');
        }
        writeLock.lock();
        try {
            OutputStream stdin = child().stdin();
            stdin.write(text.toString().getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            throw new PeerProcessException(child().diagnostics("could not write to the CLI's stdin ("
                    + e.getMessage() + ")"), e);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Writes a JSON value as one compact NDJSON line.
     *
     * @param json the value
     */
    public void send(JsonNode json) {
        send(JSON.writeValueAsString(json));
    }

    /** Ends stdin. The CLI finishes the running turn, if any, and exits 0. */
    public void closeStdin() {
        writeLock.lock();
        try {
            child().stdin().close();
        } catch (IOException e) {
            // Already closed by the process exiting; EOF is what the caller wanted.
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * The next stdout line, waiting at most {@code timeout}.
     *
     * @param timeout the longest wait
     * @return the line
     */
    public String readLine(Duration timeout) {
        return awaitLine(Named.ANY, timeout);
    }

    /**
     * Reads and discards stdout lines until one matches, waiting at most {@code timeout} in all.
     *
     * @param match the line wanted
     * @param timeout the longest wait
     * @return the matching line
     */
    public String awaitLine(Predicate<String> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        ArrayDeque<String> skipped = new ArrayDeque<>();
        while (true) {
            Object next = poll(deadline);
            if (next == null) {
                throw failure("waited " + timeout.toMillis() + " ms for a stdout line matching " + match, skipped);
            }
            if (next instanceof End end) {
                lines.addFirst(end); // later reads must see the end too
                Integer code = child().awaitExit(Duration.ofSeconds(2));
                String why = end.failure() != null ? "reading stdout failed (" + end.failure().getMessage() + ")"
                        : "stdout ended" + (code != null ? " (exit code " + code + ")" : "");
                throw failure(why + " while waiting for a line matching " + match, skipped);
            }
            String line = (String) next;
            if (match.test(line)) {
                return line;
            }
            if (skipped.size() == SKIPPED_LINES_SHOWN) {
                skipped.removeFirst();
            }
            skipped.addLast(line);
        }
    }

    /**
     * The next stdout line that parses as JSON, waiting at most {@code timeout}.
     *
     * @param timeout the longest wait
     * @return the parsed line
     */
    public JsonNode readJson(Duration timeout) {
        return awaitJson(JsonMatch.named("any JSON line", node -> true), timeout);
    }

    /**
     * Reads stdout lines until one is JSON matching {@code match}, waiting at most {@code timeout} in all.
     * Non-JSON lines are skipped, as the upstream SDK does (local-stdio.md §2.3).
     *
     * @param match the line wanted
     * @param timeout the longest wait
     * @return the matching line, parsed
     */
    public JsonNode awaitJson(Predicate<JsonNode> match, Duration timeout) {
        JsonNode[] found = new JsonNode[1];
        awaitLine(Named.of(match.toString(), line -> {
            JsonNode node = parse(line);
            if (node != null && match.test(node)) {
                found[0] = node;
                return true;
            }
            return false;
        }), timeout);
        return found[0];
    }

    /**
     * Waits at most {@code timeout} for the CLI to exit; empty if it is still running.
     *
     * @param timeout the longest wait
     * @return the exit code, or empty
     */
    public OptionalInt awaitExit(Duration timeout) {
        Integer code = child().awaitExit(timeout);
        return code == null ? OptionalInt.empty() : OptionalInt.of(code);
    }

    /** Stops the CLI and its descendants (stdin EOF, grace, SIGTERM, SIGKILL) and deletes the scratch folders. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopAndClean(closeGrace, true);
    }

    private Object poll(long deadlineNanos) {
        try {
            return lines.pollFirst(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PeerProcessException(child().diagnostics("interrupted while reading the CLI's stdout"), e);
        }
    }

    private PeerProcessException failure(String headline, ArrayDeque<String> skipped) {
        StringBuilder text = new StringBuilder(headline);
        if (!skipped.isEmpty()) {
            text.append("\n  last lines skipped while waiting:");
            skipped.forEach(line -> text.append("\n    ")
                    .append(line.length() > 300 ? line.substring(0, 300) + "..." : line));
        }
        return new PeerProcessException(child().diagnostics(text.toString()));
    }

    private static JsonNode parse(String line) {
        if (line.isEmpty() || line.charAt(0) != '{') {
            return null;
        }
        try {
            return JSON.readTree(line);
        } catch (JacksonException e) {
            return null;
        }
    }

    /** A line predicate with a description for timeout messages. */
    private record Named(String description, Predicate<String> test) implements Predicate<String> {
        static final Named ANY = new Named("any line", line -> true);

        static Named of(String description, Predicate<String> test) {
            return new Named(description, test);
        }

        @Override
        public boolean test(String line) {
            return test.test(line);
        }

        @Override
        public String toString() {
            return description;
        }
    }
}

package ai.letta.code.transport.local.process;

import ai.letta.code.api.exception.FrameTooLongException;
import ai.letta.code.api.exception.SessionClosedException;
import ai.letta.code.api.exception.TransportLostException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One CLI process and its three pipes: lines in on stdin, lines out of stdout on a reader thread, stderr drained
 * into a {@link StderrTail} on its own thread. Knows nothing of JSON; its {@link Listener} gives lines meaning.
 *
 * <p>Lifecycle: {@link #start} spawns the process and both threads. The process ends either on request
 * ({@link #close}: stdin EOF, which lets the CLI finish its current turn and exit 0, then {@link ProcessReaper}'s
 * escalation), or by itself (a crash, {@code kill -9}). Either way {@link Listener#ended} is called exactly once,
 * from the reader thread or, if a grandchild keeps stdout open, from the exit watcher at most
 * {@value #EXIT_SETTLE_MS} ms after the process died. A JVM shutdown hook ({@link LiveProcesses}) stops what is
 * still running when the JVM exits.
 *
 * <p>Thread-safe: {@link #writeLine} serializes writers with a lock (never {@code synchronized}, so virtual
 * threads are not pinned while a full pipe blocks the write).
 */
public final class StdioTransport {

    /** How long after the process died the exit watcher waits for stdout to reach EOF before ending anyway. */
    static final long EXIT_SETTLE_MS = 300;
    /** How long close waits for a write in progress before it treats the CLI as not reading and kills it. */
    static final long STDIN_LOCK_WAIT_MS = 200;
    /** How long the end of a process waits for the rest of its stderr. */
    private static final Duration STDERR_SETTLE = Duration.ofMillis(200);

    /** What the transport reports, always from one thread at a time. */
    public interface Listener {
        /** @param transport the transport, before any other call (the listener may need its stderr tail) */
        default void attached(StdioTransport transport) {}

        /** @param line a stdout line (never blank) */
        void line(String line);

        /** @param tooLong a stdout line over the cap was skipped */
        void lineTooLong(FrameTooLongException tooLong);

        /**
         * The process is gone and no further line follows.
         *
         * @param requested whether {@link #close} or {@link #kill} ended it
         * @param exitCode the exit code, or null if unknown
         */
        void ended(boolean requested, Integer exitCode);

        /** @return the conversation this process serves, once known (diagnostics and tests) */
        default String conversationId() {
            return null;
        }
    }

    private final Process process;
    private final ProcessReaper reaper;
    private final List<String> command;
    private final OutputStream stdin;
    private final Listener listener;
    private final StderrTail stderr;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final CountDownLatch endedLatch = new CountDownLatch(1);
    private Thread reader;
    private Thread stderrDrain;

    private StdioTransport(Process process, ProcessLineage lineage, List<String> command, StderrTail stderr,
            Listener listener) {
        this.process = process;
        this.stderr = stderr;
        this.reaper = new ProcessReaper(process, lineage);
        this.command = List.copyOf(command);
        this.stdin = process.getOutputStream();
        this.listener = listener;
    }

    /**
     * Spawns the process and starts reading.
     *
     * @param launcher starts the process
     * @param command node, letta.js, arguments
     * @param env the complete environment
     * @param dir the working directory
     * @param maxLineBytes the stdout line cap
     * @param listener receives lines and the end
     * @return the running transport
     * @throws IOException if the process cannot be started
     */
    static StdioTransport start(ProcessLauncher launcher, List<String> command, Map<String, String> env, Path dir,
            int maxLineBytes, Listener listener) throws IOException {
        ProcessLineage lineage = new ProcessLineage();
        Process process = launcher.launch(command, lineage.mark(env), dir);
        StdioTransport transport = new StdioTransport(process, lineage, command,
                new StderrTail(40, 2000, StderrTail.secretValues(env)), listener);
        listener.attached(transport);
        String name = "letta-cli-" + process.pid();
        transport.stderrDrain = transport.stderr.drain(name + "-stderr", process.getErrorStream());
        transport.reader = new Thread(() -> transport.read(process.getInputStream(), maxLineBytes), name + "-stdout");
        // Daemon threads: a hung CLI must never keep the user's JVM alive; close() still joins them, bounded.
        transport.reader.setDaemon(true);
        transport.reader.start();
        LiveProcesses.register(transport);
        process.onExit().thenRun(() -> CompletableFuture.delayedExecutor(EXIT_SETTLE_MS, TimeUnit.MILLISECONDS)
                .execute(transport::endIfReaderStuck));
        return transport;
    }

    /** @return the CLI's process id */
    public long pid() {
        return process.pid();
    }

    /** @return the command line, for diagnostics */
    public List<String> command() {
        return command;
    }

    /** @return the conversation the process serves, once its handshake named it */
    String conversationId() {
        return listener.conversationId();
    }

    /** @return the last stderr lines */
    public StderrTail stderr() {
        return stderr;
    }

    /** @return whether the process is still running */
    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Writes one line to the CLI's stdin and flushes it.
     *
     * @param line a line without terminator
     * @throws SessionClosedException if {@link #close} was called
     * @throws TransportLostException if the pipe is broken (the process died)
     */
    void writeLine(String line) {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        writeLock.lock();
        try {
            if (closing.get()) {
                throw new SessionClosedException("the session is closed; open a new one or resumeSession("
                        + "conversationId)");
            }
            stdin.write(bytes);
            stdin.flush();
        } catch (IOException e) {
            throw new TransportLostException("could not write to the Letta Code CLI (pid " + pid() + "): "
                    + e.getMessage(), reaper.exitCode(), stderr.text(), e);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Stops the process: stdin EOF, then {@code grace} to exit, then SIGTERM, SIGKILL and its descendants. Returns
     * once the listener heard {@link Listener#ended} (bounded). Idempotent; a second call waits for the first.
     *
     * @param grace how long the CLI may take to exit by itself after EOF
     */
    public void close(Duration grace) {
        if (!closing.compareAndSet(false, true)) {
            awaitEnded(ProcessReaper.KILL_WAIT.plus(ProcessReaper.TERM_WAIT));
            return;
        }
        reaper.rememberFamily();
        stop(closeStdin() ? grace : Duration.ZERO);
    }

    /**
     * Ends a process that does not read its stdin (a write to it timed out): SIGTERM, SIGKILL, descendants. Not a
     * requested close: the session hears a lost process.
     */
    void stopUnresponsive() {
        reaper.stop(Duration.ZERO);
    }

    /** Gives stdin its EOF now, for a process that reads none (the app server); the process runs on. */
    public void closeInput() {
        closeStdin();
    }

    /** @return whether stdin got its EOF; false while a write is stuck on a CLI that does not read */
    private boolean closeStdin() {
        try {
            if (!writeLock.tryLock(STDIN_LOCK_WAIT_MS, TimeUnit.MILLISECONDS)) {
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        try {
            stdin.close();
        } catch (IOException e) {
            // Already broken: the process is gone, which is what EOF asks for.
        } finally {
            writeLock.unlock();
        }
        return true;
    }

    /** Ends the process at once (startup failure, replacement, JVM shutdown): SIGTERM, SIGKILL, descendants. */
    public void kill() {
        if (!closing.compareAndSet(false, true)) {
            awaitEnded(ProcessReaper.KILL_WAIT.plus(ProcessReaper.TERM_WAIT));
            return;
        }
        stop(Duration.ZERO);
    }

    private void stop(Duration grace) {
        reaper.stop(grace);
        awaitEnded(Duration.ofSeconds(2));
        joinQuietly(stderrDrain, Duration.ofMillis(500));
        LiveProcesses.unregister(this);
    }

    private void read(InputStream stdout, int maxLineBytes) {
        BoundedLineReader lines = new BoundedLineReader(stdout, maxLineBytes);
        try (stdout) {
            while (true) {
                String line;
                try {
                    line = lines.readLine();
                } catch (FrameTooLongException e) {
                    if (!ended.get()) {
                        listener.lineTooLong(e);
                    }
                    continue;
                }
                if (line == null) {
                    break;
                }
                if (!line.isBlank() && !ended.get()) {
                    listener.line(line);
                }
            }
        } catch (IOException e) {
            // The pipe closed under us (process destroyed): the same as EOF.
        } catch (RuntimeException e) {
            // A listener bug must not leave the session without an end; report it as the process ending.
            System.getLogger(StdioTransport.class.getName()).log(System.Logger.Level.ERROR,
                    "stdout reader of pid " + pid() + " failed", e);
        }
        reaper.waitFor(ProcessReaper.TERM_WAIT);
        end();
    }

    private void endIfReaderStuck() {
        if (!ended.get() && reader.isAlive()) {
            end();
        }
    }

    private void end() {
        if (ended.compareAndSet(false, true)) {
            // A process that exits writes its last stderr (e.g. node's "bad option") as stdout reaches EOF: let the
            // drain read it, so the end quotes it. Bounded: a descendant may hold stderr open.
            joinQuietly(stderrDrain, STDERR_SETTLE);
            try {
                listener.ended(closing.get(), reaper.exitCode());
            } finally {
                endedLatch.countDown();
                if (!process.isAlive() && !reaper.familyAlive()) {
                    // Nothing left for the shutdown hook to stop (a crash, or an exit on its own).
                    LiveProcesses.unregister(this);
                }
            }
        }
    }

    private void awaitEnded(Duration timeout) {
        try {
            endedLatch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void joinQuietly(Thread thread, Duration timeout) {
        try {
            thread.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "StdioTransport[pid " + pid() + ", " + (process.isAlive() ? "running" : "exited") + "]";
    }
}

package ai.letta.code.transport.local.process;

import ai.letta.code.api.exception.LettaCodeException;
import ai.letta.code.api.exception.OperationTimeoutException;
import ai.letta.code.api.exception.SessionClosedException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one thread that writes a session's stdin lines, in the order they were submitted. Why a thread of its own:
 * the stdout reader must sometimes write (the next queued message after a {@code result}, a refusal of a control
 * request), and Node writes to a pipe synchronously on Linux, so a reader blocked on a full stdin pipe while the
 * CLI blocks on a full stdout pipe would deadlock both. Callers on user threads wait for their write (so a broken
 * pipe surfaces as their exception), bounded: a CLI that stops reading its stdin (hung, stopped, deadlocked) is
 * stopped when a write has not gone through in time, and the caller gets a typed timeout. The reader only submits.
 *
 * <p>The thread exists only while lines are pending (it times out when idle), so an idle session holds none.
 * Thread-safe.
 */
public final class StdinWriter {

    private static final System.Logger LOG = System.getLogger(StdinWriter.class.getName());

    private final ExecutorService executor;
    private final Duration writeTimeout;

    /**
     * @param name the thread's name
     * @param writeTimeout how long a write may wait for the CLI to read ({@code LocalOptions.requestTimeout})
     */
    public StdinWriter(String name, Duration writeTimeout) {
        this.writeTimeout = writeTimeout;
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 2, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                task -> {
                    Thread thread = new Thread(task, name);
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        this.executor = pool;
    }

    /**
     * Writes after every line submitted before, and waits, at most the write timeout.
     *
     * @param transport where to
     * @param line the line
     * @throws SessionClosedException if the writer was shut down
     * @throws OperationTimeoutException if the CLI did not take the line in time (the process is then stopped)
     * @throws LettaCodeException what the write threw (e.g. a lost transport)
     */
    public void writeAndWait(StdioTransport transport, String line) {
        writeAndWait(transport, line, writeTimeout);
    }

    /**
     * {@link #writeAndWait(StdioTransport, String)} with its own bound.
     *
     * @param transport where to
     * @param line the line
     * @param timeout how long to wait for the write (and the lines before it)
     */
    public void writeAndWait(StdioTransport transport, String line, Duration timeout) {
        Future<?> done;
        try {
            done = executor.submit(() -> transport.writeLine(line));
        } catch (RejectedExecutionException e) {
            throw new SessionClosedException("the session is closed; open a new one or resumeSession("
                    + "conversationId)", e);
        }
        try {
            done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // A pipe write cannot be interrupted; ending the process breaks the pipe and frees the writer thread.
            transport.stopUnresponsive();
            throw new OperationTimeoutException("the Letta Code CLI (pid " + transport.pid() + ") did not read its"
                    + " stdin within " + timeout.toMillis() + " ms, so it was stopped (raise LocalOptions"
                    + ".requestTimeout if it was only slow)");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new LettaCodeException("could not write to the Letta Code CLI", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SessionClosedException("interrupted while writing to the Letta Code CLI", e);
        }
    }

    /**
     * Writes after every line submitted before, without waiting; a failure is only logged (the process's end
     * reports it).
     *
     * @param transport where to
     * @param line the line
     */
    public void writeLater(StdioTransport transport, String line) {
        try {
            executor.execute(() -> {
                try {
                    transport.writeLine(line);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.DEBUG, () -> "a deferred stdin write failed: " + e.getMessage());
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.log(System.Logger.Level.DEBUG, "a stdin write after close was dropped");
        }
    }

    /** Refuses further lines; lines already submitted are still written. */
    public void shutdown() {
        executor.shutdown();
    }
}

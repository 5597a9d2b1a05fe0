package ai.letta.code.core.engine;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads one client uses: a pool for event dispatch, permission callbacks and async one-shots, and one
 * scheduler thread for idle watchdogs. Daemon threads, so a forgotten client never keeps the JVM alive; both are
 * shut down by {@link #close()}, so a closed client leaves no thread behind.
 */
public final class EngineExecutors implements AutoCloseable {
    private final ExecutorService pool;
    private final ScheduledExecutorService scheduler;

    /** Creates the pool and the scheduler. */
    public EngineExecutors() {
        this.pool = Executors.newCachedThreadPool(named("letta-code-engine-"));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(named("letta-code-watchdog-"));
    }

    /** @return the pool for dispatch and callbacks */
    public ExecutorService pool() {
        return pool;
    }

    /** @return the scheduler for watchdogs */
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        pool.shutdown();
        try {
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}

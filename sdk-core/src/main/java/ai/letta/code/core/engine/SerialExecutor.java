package ai.letta.code.core.engine;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs tasks one at a time, in submission order, on a shared pool. A session's inbound events go through one of
 * these, so the engine's turn state changes on one logical thread while the transport's reader never waits.
 */
final class SerialExecutor implements Executor {
    private static final System.Logger LOG = System.getLogger(SerialExecutor.class.getName());

    private static final ThreadLocal<SerialExecutor> RUNNING = new ThreadLocal<>();

    private final Executor pool;
    private final ReentrantLock lock = new ReentrantLock();
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private boolean running;
    private boolean paused;
    private boolean shutdown;

    /**
     * @param pool the threads to run on
     * @param paused whether tasks wait for {@link #resume()} (a session queues early transport callbacks until it
     *     is wired)
     */
    SerialExecutor(Executor pool, boolean paused) {
        this.pool = pool;
        this.paused = paused;
    }

    /** Starts running the tasks queued while paused. */
    void resume() {
        lock.lock();
        try {
            paused = false;
            if (running || tasks.isEmpty()) {
                return;
            }
            running = true;
        } finally {
            lock.unlock();
        }
        pool.execute(this::drain);
    }

    /** @return whether the calling thread is running one of this executor's tasks */
    boolean inTask() {
        return RUNNING.get() == this;
    }

    @Override
    public void execute(Runnable task) {
        lock.lock();
        try {
            if (shutdown) {
                return; // the session is closed: late transport callbacks are dropped on purpose
            }
            tasks.add(task);
            if (running || paused) {
                return;
            }
            running = true;
        } finally {
            lock.unlock();
        }
        try {
            pool.execute(this::drain);
        } catch (RejectedExecutionException e) {
            lock.lock();
            try {
                running = false;
                tasks.clear();
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Runs a task in order with the others and waits for it (inline when called from one of this executor's tasks).
     * Gives up waiting after {@code timeout}, or at once if the executor is shut down: the caller goes on either way.
     *
     * @param task the task
     * @param timeout the longest wait
     */
    void runAndWait(Runnable task, Duration timeout) {
        if (inTask()) {
            task.run();
            return;
        }
        lock.lock();
        try {
            if (shutdown) {
                return; // nothing runs here any more: do not wait for a task that would be dropped
            }
        } finally {
            lock.unlock();
        }
        CountDownLatch done = new CountDownLatch(1);
        execute(() -> {
            try {
                task.run();
            } finally {
                done.countDown();
            }
        });
        try {
            done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Drops tasks submitted from now on; the ones queued still run. */
    void shutdown() {
        lock.lock();
        try {
            shutdown = true;
        } finally {
            lock.unlock();
        }
    }

    private void drain() {
        while (true) {
            Runnable next;
            lock.lock();
            try {
                next = tasks.poll();
                if (next == null) {
                    running = false;
                    return;
                }
            } finally {
                lock.unlock();
            }
            RUNNING.set(this);
            try {
                next.run();
            } catch (RuntimeException | Error e) {
                LOG.log(System.Logger.Level.ERROR, "engine task failed", e);
            } finally {
                RUNNING.remove();
            }
        }
    }
}

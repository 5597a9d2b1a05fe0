package ai.letta.code.transport.local.session;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One daemon timer thread for every local session's short waits (the interrupt grace, the quiet flush of joined
 * messages). Its tasks only take a lock and enqueue, or start a thread for slow work, so one thread serves all
 * sessions; it ends when idle for a second and comes back on demand.
 */
final class LocalTimer {

    private static final ScheduledThreadPoolExecutor TIMER = new ScheduledThreadPoolExecutor(1, task -> {
        Thread thread = new Thread(task, "letta-code-local-timer");
        thread.setDaemon(true);
        return thread;
    });

    static {
        TIMER.setKeepAliveTime(1, TimeUnit.SECONDS);
        TIMER.allowCoreThreadTimeOut(true);
        TIMER.setRemoveOnCancelPolicy(true);
    }

    private LocalTimer() {}

    /**
     * @param task what to run; it must not block
     * @param delay when
     * @return the scheduled task
     */
    static ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        return TIMER.schedule(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                System.getLogger(LocalTimer.class.getName()).log(System.Logger.Level.ERROR,
                        "a local session timer task failed", e);
            }
        }, delay.toNanos(), TimeUnit.NANOSECONDS);
    }
}

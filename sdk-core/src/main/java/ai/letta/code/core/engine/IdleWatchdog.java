package ai.letta.code.core.engine;

import ai.letta.code.api.SessionStep;
import ai.letta.code.api.event.ErrorCode;
import ai.letta.code.api.event.ErrorEvent;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Ends a turn that has seen no event for {@code SessionOptions.idleTimeout}: interrupts the peer, and ends the turn
 * with an {@code idle_timeout} error event and failed result. A turn waiting for a permission decision is not idle:
 * the user may take their time, and the clock starts again once they answered. Checks run on the session's serial
 * executor, so they never race the turn's own events.
 */
final class IdleWatchdog implements AutoCloseable {
    private final ScheduledFuture<?> task;

    IdleWatchdog(Duration idle, ScheduledExecutorService scheduler, SerialExecutor serial, TurnLedger ledger,
            TurnDispatcher dispatcher, ListenerFanout fanout, BooleanSupplier awaitingDecision, Runnable interrupt) {
        long periodMillis = Math.max(10, Math.min(1000, idle.toMillis() / 4));
        this.task = scheduler.scheduleAtFixedRate(() -> serial.execute(() -> {
            if (awaitingDecision.getAsBoolean()) {
                dispatcher.touch();
            } else if (ledger.busy() && dispatcher.idleNanos() > idle.toNanos()) {
                fanout.step(SessionStep.Kind.IDLE_TIMEOUT, idle.toString());
                interrupt.run();
                dispatcher.endTurnLocally(new ErrorEvent("No event arrived for " + idle.toMillis() + " ms "
                        + "(SessionOptions.idleTimeout); the turn was interrupted.", ErrorCode.IDLE_TIMEOUT, null,
                        null), ErrorCode.IDLE_TIMEOUT.value());
                dispatcher.touch();
            }
        }), periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        task.cancel(false);
    }
}

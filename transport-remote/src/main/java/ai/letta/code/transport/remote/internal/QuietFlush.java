package ai.letta.code.transport.remote.internal;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Emits a turn's joined text message once no chunk of it came for a while. The server streams a message as chunks
 * sharing an id and says nothing when one is complete, so without this a model that reasons and then pauses (a slow
 * provider, a tool it is thinking about) would show nothing until it writes again. The wait is longer than the gaps
 * of a streaming model (the local transport uses the same 300 ms). Not thread-safe: used on the event loop, which
 * also runs its timer.
 */
final class QuietFlush {

    private final ScheduledExecutorService loop;
    private final long quietNanos;
    private ScheduledFuture<?> pending;

    /**
     * @param loop the event loop (the timer)
     * @param quiet how long a message waits for its next chunk
     */
    QuietFlush(ScheduledExecutorService loop, Duration quiet) {
        this.loop = loop;
        this.quietNanos = quiet.toNanos();
    }

    /**
     * Arms the timer for the turn's open text message, if it has one and the timer is not armed yet.
     *
     * @param turn the turn that just streamed
     * @param running the turn running when the timer fires (a finished turn is left alone)
     * @param flush emits the turn's open message
     */
    void arm(Turn turn, Supplier<Turn> running, Consumer<Turn> flush) {
        long quiet = turn.messages.openTextQuietNanos();
        if (quiet < 0 || pending != null) {
            return;
        }
        pending = loop.schedule(() -> {
            pending = null;
            if (running.get() != turn) {
                return;
            }
            if (turn.messages.openTextQuietNanos() >= quietNanos) {
                flush.accept(turn);
            } else {
                arm(turn, running, flush); // a chunk came meanwhile: wait for the rest of the quiet time
            }
        }, Math.max(0, quietNanos - quiet), TimeUnit.NANOSECONDS);
    }

    /** Disarms the timer (the turn ended, or the socket dropped). */
    void cancel() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }
}

package ai.letta.code.core.turn;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Future;

/**
 * Emits the text message a {@link ChunkJoiner} is joining once no chunk of it came for a while. Peers stream a
 * message as chunks sharing an id and say nothing when one is complete; the join normally ends when the next
 * message starts, so a model that reasons and then pauses (a slow provider, a tool it is thinking about, a turn held
 * open after its reasoning) would otherwise show nothing until it writes again. One timer task at a time, re-armed
 * for the rest of the quiet time when a chunk came meanwhile.
 *
 * <p>Not thread-safe: every method, and the timer's task, runs in the transport's serial context for the session
 * (its event loop, or under its sink's lock), which the {@link Timer} provides.
 */
public final class QuietFlush {

    /** The wait both transports use: longer than the gaps between a streaming model's chunks. */
    public static final Duration DEFAULT_QUIET = Duration.ofMillis(300);

    /** Runs a task later, in the same serial context as the calls to the {@link QuietFlush}. */
    @FunctionalInterface
    public interface Timer {
        /**
         * @param task what to run
         * @param delay how long from now
         * @return its handle, to cancel it
         */
        Future<?> schedule(Runnable task, Duration delay);
    }

    private final Timer timer;
    private final long quietNanos;
    private Future<?> pending;
    private ChunkJoiner joiner;
    private Runnable flush;
    private boolean closed;

    /**
     * @param timer runs the flush in the session's serial context
     * @param quiet how long a message waits for its next chunk
     */
    public QuietFlush(Timer timer, Duration quiet) {
        this.timer = Objects.requireNonNull(timer, "timer");
        this.quietNanos = quiet.toNanos();
    }

    /**
     * Something was joined: arms the timer for the joiner's open text message, if it has one and the timer is not
     * armed yet. The latest call says what the timer flushes.
     *
     * @param joiner the joiner that just took a chunk
     * @param flush emits its open message (and may check first that its turn still runs)
     */
    public void arm(ChunkJoiner joiner, Runnable flush) {
        this.joiner = joiner;
        this.flush = flush;
        long quiet = joiner.quietNanos();
        if (quiet < 0 || pending != null || closed) {
            return;
        }
        pending = timer.schedule(this::fire, Duration.ofNanos(Math.max(0, quietNanos - quiet)));
    }

    /** Disarms the timer (the turn ended, the connection dropped); a later {@link #arm} starts it again. */
    public void cancel() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

    /** Disarms the timer for good (the session closes). */
    public void close() {
        closed = true;
        cancel();
    }

    private void fire() {
        pending = null;
        if (closed || joiner == null) {
            return;
        }
        long quiet = joiner.quietNanos();
        if (quiet < 0) {
            return;
        }
        if (quiet >= quietNanos) {
            flush.run();
        } else {
            arm(joiner, flush); // a chunk came meanwhile: wait for the rest of the quiet time
        }
    }
}

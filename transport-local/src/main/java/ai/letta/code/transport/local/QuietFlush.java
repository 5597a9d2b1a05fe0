package ai.letta.code.transport.local;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;

/**
 * Emits the message the {@link WireEventMapper} is joining once the stream has been quiet for a while. Chunks that
 * share an id are joined into one event, and the join normally ends when the next message starts; a model that
 * pauses mid-message (or a turn held open after its reasoning) would otherwise keep the text from the user until
 * it goes on. One timer task at a time, re-armed for the remaining quiet time.
 *
 * <p>Not thread-safe on its own: every method runs under the session's sink lock, as does the timer task.
 */
final class QuietFlush {

    private final Duration quiet;
    private final GuardedSink sink;
    private final WireEventMapper mapper;
    private ScheduledFuture<?> pending;
    private long lastLineNanos;
    private boolean cancelled;

    /**
     * @param quiet how long the stream must be silent
     * @param sink whose lock guards the mapper
     * @param mapper what joins the chunks
     */
    QuietFlush(Duration quiet, GuardedSink sink, WireEventMapper mapper) {
        this.quiet = quiet;
        this.sink = sink;
        this.mapper = mapper;
    }

    /** A line was mapped: restart the quiet period, and arm the timer if a message is being joined. */
    void lineMapped() {
        lastLineNanos = System.nanoTime();
        if (mapper.joining() && pending == null && !cancelled) {
            pending = LocalTimer.schedule(this::fire, quiet);
        }
    }

    /** The session is closing: no more flushes. */
    void cancel() {
        cancelled = true;
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

    private void fire() {
        sink.always(() -> {
            pending = null;
            if (cancelled || !mapper.joining()) {
                return;
            }
            long quietFor = System.nanoTime() - lastLineNanos;
            if (quietFor >= quiet.toNanos()) {
                mapper.flush();
            } else {
                pending = LocalTimer.schedule(this::fire, Duration.ofNanos(quiet.toNanos() - quietFor));
            }
        });
    }
}

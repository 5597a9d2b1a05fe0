package ai.letta.code.core.engine;

import ai.letta.code.api.EventStream;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.api.exception.IllegalUseException;
import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * An {@link EventStream} over a session's {@link EventBuffer}: yields entries until one marked {@code endsStream}.
 * It holds no event of its own (it peeks and takes from the buffer), so a later stream that {@linkplain #takeOver()
 * takes over} loses nothing. Single-reader, like an {@link Iterator}; {@link #close()} may come from any thread.
 */
final class TurnEventStream implements EventStream {
    /** How often a blocked reader re-checks for an end that buffered nothing (a closed stream, a removed message). */
    private static final Duration RECHECK = Duration.ofMillis(100);

    private final EventBuffer buffer;
    private final Object readLock;
    private final BooleanSupplier turnPending;
    private final Runnable onAbandon;
    private final Consumer<TurnEventStream> onClose;
    private final Executor pool;
    private final Iterator<SessionEvent> iterator = new EventIterator();
    private volatile boolean finished;
    private volatile boolean takenOver;
    private boolean closed;
    private EventPublisher publisher;

    /**
     * @param buffer the session's events
     * @param readLock shared by the session's streams: one takes an event, or takes over, at a time
     * @param turnPending whether a sent message still waits for its result
     * @param onAbandon drops the rest of this stream's turns (on an early close)
     * @param onClose tells the session this stream no longer reads
     * @param pool runs publishers
     */
    TurnEventStream(EventBuffer buffer, Object readLock, BooleanSupplier turnPending, Runnable onAbandon,
            Consumer<TurnEventStream> onClose, Executor pool) {
        this.buffer = buffer;
        this.readLock = readLock;
        this.turnPending = turnPending;
        this.onAbandon = onAbandon;
        this.onClose = onClose;
        this.pool = pool;
    }

    /** Each call returns the same cursor: iterating again continues where the last iteration stopped. */
    @Override
    public Iterator<SessionEvent> iterator() {
        return iterator;
    }

    @Override
    public Stream<SessionEvent> toStream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED), false)
                .onClose(this::close);
    }

    /** The same publisher each call, so its one-subscriber rule covers the stream. */
    @Override
    public synchronized Flow.Publisher<SessionEvent> publisher() {
        if (publisher == null) {
            publisher = new EventPublisher(iterator, () -> finished, this::close, pool);
        }
        return publisher;
    }

    @Override
    public Result result() {
        Result last = null;
        while (iterator.hasNext()) {
            if (iterator.next() instanceof Result r) {
                last = r;
            }
        }
        boolean wasTakenOver = takenOver;
        close();
        if (last == null) {
            throw new IllegalUseException(wasTakenOver
                    ? "this stream was taken over by a later session.stream(), which has the rest of the events; "
                            + "call result() on that one"
                    : "the stream ended without a Result: nothing was sent, or the stream was closed or read to its "
                            + "end before; call session.send(...) before session.stream()");
        }
        return last;
    }

    @Override
    public void close() {
        boolean abandon;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            abandon = !finished;
            finished = true;
        }
        if (abandon) {
            onAbandon.run();
        }
        onClose.accept(this);
    }

    /**
     * A later {@code session.stream()} continues from here: this stream ends without discarding anything. Called
     * under the session's monitor, before the new stream is handed out.
     */
    void takeOver() {
        synchronized (readLock) {
            takenOver = true;
            finished = true;
        }
        synchronized (this) {
            closed = true; // a late close() must not drop the events that are now the new stream's
        }
    }

    private void finish() {
        boolean notify;
        synchronized (this) {
            notify = !closed;
            finished = true;
            closed = true;
        }
        if (notify) {
            onClose.accept(this);
        }
    }

    private final class EventIterator implements Iterator<SessionEvent> {
        @Override
        public boolean hasNext() {
            while (!finished) {
                if (!turnPending.getAsBoolean() && !buffer.hasEntries()) {
                    finish();
                    return false;
                }
                try {
                    if (buffer.peek(RECHECK) != null) {
                        return !finished;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // the reader was interrupted: end iteration, keep the flag
                    close();
                    return false;
                }
            }
            return false;
        }

        @Override
        public SessionEvent next() {
            if (!hasNext()) {
                throw new NoSuchElementException("the stream has ended");
            }
            EventBuffer.Entry entry;
            synchronized (readLock) {
                // Taken over since hasNext(): the event is the new stream's (only a second reader thread sees this).
                entry = finished ? null : buffer.poll();
            }
            if (entry == null) {
                throw new NoSuchElementException("the stream was taken over by a later session.stream()");
            }
            // The boundary was set when the result arrived; whatever was sent since (after a break, say) is
            // pending or already buffered behind it, and extends the stream to its turn.
            if (entry.endsStream() && !turnPending.getAsBoolean() && !buffer.hasEntries()) {
                finish();
            }
            return entry.event();
        }
    }
}

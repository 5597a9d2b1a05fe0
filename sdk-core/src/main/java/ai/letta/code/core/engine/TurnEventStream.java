package ai.letta.code.core.engine;

import ai.letta.code.api.EventStream;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.event.SessionEvent;
import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * An {@link EventStream} over a session's {@link EventBuffer}: yields entries until one marked {@code endsStream}.
 * Single-use and single-reader, like an {@link Iterator}; {@link #close()} may come from any thread.
 */
final class TurnEventStream implements EventStream {
    /** How often a blocked reader re-checks for an end that buffered nothing (a closed stream, a removed message). */
    private static final Duration RECHECK = Duration.ofMillis(100);

    private final EventBuffer buffer;
    private final BooleanSupplier turnPending;
    private final Runnable onAbandon;
    private final Runnable onClose;
    private final Executor pool;
    private final Iterator<SessionEvent> iterator = new EventIterator();
    private SessionEvent next;
    private volatile boolean finished;
    private boolean closed;
    private boolean iterated;

    TurnEventStream(EventBuffer buffer, BooleanSupplier turnPending, Runnable onAbandon, Runnable onClose,
            Executor pool) {
        this.buffer = buffer;
        this.turnPending = turnPending;
        this.onAbandon = onAbandon;
        this.onClose = onClose;
        this.pool = pool;
    }

    @Override
    public synchronized Iterator<SessionEvent> iterator() {
        if (iterated) {
            throw new IllegalStateException("an EventStream can be iterated once; call session.stream() again");
        }
        iterated = true;
        return iterator;
    }

    @Override
    public Stream<SessionEvent> toStream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false)
                .onClose(this::close);
    }

    @Override
    public Flow.Publisher<SessionEvent> publisher() {
        return new EventPublisher(iterator(), this::exhausted, this::close, pool);
    }

    @Override
    public Result result() {
        Result last = null;
        Iterator<SessionEvent> it = iterated ? iterator : iterator();
        while (it.hasNext()) {
            if (it.next() instanceof Result r) {
                last = r;
            }
        }
        close();
        if (last == null) {
            throw new IllegalStateException("the stream ended without a Result: nothing was sent, or the stream "
                    + "was closed; call session.send(...) before session.stream()");
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
        onClose.run();
    }

    private synchronized boolean exhausted() {
        return finished && next == null;
    }

    private void finish() {
        boolean notify;
        synchronized (this) {
            notify = !closed;
            finished = true;
            closed = true;
        }
        if (notify) {
            onClose.run();
        }
    }

    private final class EventIterator implements Iterator<SessionEvent> {
        @Override
        public boolean hasNext() {
            if (next != null) {
                return true;
            }
            while (!finished) {
                if (!turnPending.getAsBoolean() && !buffer.hasEntries()) {
                    finish();
                    return false;
                }
                EventBuffer.Entry entry;
                try {
                    entry = buffer.take(RECHECK);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // the reader was interrupted: end iteration, keep the flag
                    close();
                    return false;
                }
                if (entry != null) {
                    next = entry.event();
                    if (entry.endsStream()) {
                        finish();
                    }
                    return true;
                }
            }
            return false;
        }

        @Override
        public SessionEvent next() {
            if (!hasNext()) {
                throw new NoSuchElementException("the stream has ended");
            }
            SessionEvent event = next;
            next = null;
            return event;
        }
    }
}

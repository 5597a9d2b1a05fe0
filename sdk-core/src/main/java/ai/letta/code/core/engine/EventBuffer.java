package ai.letta.code.core.engine;

import ai.letta.code.api.event.SessionEvent;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The events waiting for a reader, with stream boundaries marked: an entry flagged {@code endsStream} is the last
 * event of an {@code EventStream}. Bounded: {@link #offer} refuses an event when {@code capacity} are waiting;
 * {@link #offerTerminal} always succeeds, so an overflowing turn can still be ended properly.
 */
final class EventBuffer {

    /** One buffered event. */
    record Entry(SessionEvent event, boolean endsStream) {}

    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition available = lock.newCondition();
    private final Deque<Entry> entries = new ArrayDeque<>();
    private boolean closed;

    EventBuffer(int capacity) {
        this.capacity = capacity;
    }

    /** @return false if the buffer is full (the event was not added) */
    boolean offer(SessionEvent event, boolean endsStream) {
        lock.lock();
        try {
            if (entries.size() >= capacity) {
                return false;
            }
            entries.add(new Entry(event, endsStream));
            available.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Adds an event the engine synthesized to end a turn, regardless of capacity. */
    void offerTerminal(SessionEvent event, boolean endsStream) {
        lock.lock();
        try {
            entries.add(new Entry(event, endsStream));
            available.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** @return the first waiting entry, taken; {@code null} if none is waiting */
    Entry poll() {
        lock.lock();
        try {
            return entries.poll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits for an entry without taking it, so a reader that stops between {@code hasNext} and {@code next} leaves it
     * for the next reader.
     *
     * @param timeout the longest wait
     * @return the first waiting entry, or {@code null} if the buffer is closed and empty (or the wait timed out)
     */
    Entry peek(Duration timeout) throws InterruptedException {
        lock.lock();
        try {
            long nanos = timeout.toNanos();
            while (entries.isEmpty() && !closed) {
                if (nanos <= 0) {
                    return null;
                }
                nanos = available.awaitNanos(nanos);
            }
            return entries.peek();
        } finally {
            lock.unlock();
        }
    }

    /** @return whether an entry is waiting */
    boolean hasEntries() {
        lock.lock();
        try {
            return !entries.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /**
     * A reader gave up on its stream: drops the waiting entries up to and including the next boundary.
     *
     * @return whether a boundary was found (else every waiting entry was dropped)
     */
    boolean dropUntilBoundary() {
        lock.lock();
        try {
            while (!entries.isEmpty()) {
                if (entries.poll().endsStream()) {
                    return true;
                }
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** Wakes readers; entries already waiting can still be taken. */
    void close() {
        lock.lock();
        try {
            closed = true;
            available.signalAll();
        } finally {
            lock.unlock();
        }
    }
}

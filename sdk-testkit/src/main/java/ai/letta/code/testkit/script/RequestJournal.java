package ai.letta.code.testkit.script;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * The requests a fake received, in arrival order. Two views: a consuming queue ({@link #take(Duration)}, as
 * MockWebServer's {@code takeRequest}) and the full history ({@link #all()}, {@link #await(Predicate, Duration)}),
 * which never consumes. Thread-safe; every wait is bounded.
 */
public final class RequestJournal {

    /** An empty journal. */
    public RequestJournal() {}

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final List<RecordedRequest> all = new ArrayList<>();
    private int taken;

    /**
     * Records a request (called by the fake's event loop).
     *
     * @param request the request
     */
    public void record(RecordedRequest request) {
        lock.lock();
        try {
            all.add(request);
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** @return the sequence number the next recorded request gets */
    public int nextSequenceNumber() {
        lock.lock();
        try {
            return all.size();
        } finally {
            lock.unlock();
        }
    }

    /** @return how many requests arrived so far */
    public int count() {
        return nextSequenceNumber();
    }

    /** @return every request so far, oldest first (taken ones included) */
    public List<RecordedRequest> all() {
        lock.lock();
        try {
            return List.copyOf(all);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The oldest request not taken yet, waiting up to {@code timeout}; empty when none arrived in time.
     *
     * @param timeout the longest wait
     * @return the request, or empty
     */
    public Optional<RecordedRequest> poll(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (taken >= all.size()) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !arrived.await(left, TimeUnit.NANOSECONDS) && taken >= all.size()) {
                    return Optional.empty();
                }
            }
            return Optional.of(all.get(taken++));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The oldest request not taken yet, waiting up to {@code timeout}.
     *
     * @param timeout the longest wait
     * @throws AssertionError when no request arrives in time (the message lists how many were taken)
     * @return the request
     */
    public RecordedRequest take(Duration timeout) {
        return poll(timeout).orElseThrow(() -> new AssertionError(
                "no request within " + timeout + " (" + count() + " received, all taken)"));
    }

    /**
     * The first request in the whole history matching {@code filter}, waiting up to {@code timeout} for it.
     * Does not consume.
     *
     * @param filter the request wanted
     * @param timeout the longest wait
     * @throws AssertionError when none arrives in time (the message lists what did arrive)
     * @return the request
     */
    public RecordedRequest await(Predicate<RecordedRequest> filter, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            int checked = 0;
            while (true) {
                for (; checked < all.size(); checked++) {
                    if (filter.test(all.get(checked))) {
                        return all.get(checked);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no matching request within " + timeout + "; received: "
                            + all.stream().map(RecordedRequest::requestLine).toList());
                }
                arrived.await(left, TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a request", e);
        } finally {
            lock.unlock();
        }
    }
}

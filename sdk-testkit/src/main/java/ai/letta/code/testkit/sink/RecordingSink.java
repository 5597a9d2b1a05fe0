package ai.letta.code.testkit.sink;

import ai.letta.code.api.event.Result;
import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.api.exception.TransportException;
import ai.letta.code.api.permission.ToolPermissionRequest;
import ai.letta.code.spi.SessionSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link SessionSink} that records every call in order, standing in for the engine in tests that drive a
 * transport through its ports. It also checks the sink contract: calls never overlap, and nothing follows
 * {@link #onClosed} ({@link #violations()}).
 *
 * <p>The {@code await…} methods take calls from one cursor, in order, skipping those of other kinds; every wait is
 * bounded and fails with an {@link AssertionError} that lists what arrived. The list views ({@link #calls()},
 * {@link #events()}, {@link #all}) show everything recorded, taken or not. Thread-safe.
 */
public final class RecordingSink implements SessionSink {

    /**
     * An {@code onTurnStarted} call.
     *
     * @param clientMessageIds the messages the turn covers
     * @param mergedCount how many inputs the peer merged into it
     */
    public record TurnStarted(List<String> clientMessageIds, int mergedCount) {
        /**
         * Copies the ids.
         *
         * @param clientMessageIds the messages the turn covers
         * @param mergedCount how many inputs the peer merged into it
         */
        public TurnStarted {
            clientMessageIds = List.copyOf(clientMessageIds);
        }
    }

    /**
     * An {@code onClosed} call.
     *
     * @param cause why the session ended, or {@code null} for a requested close
     * @param atNanos when ({@link System#nanoTime()})
     */
    public record Closed(TransportException cause, long atNanos) {
    }

    private final List<Object> calls = new ArrayList<>();
    private final AtomicInteger inside = new AtomicInteger();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final CountDownLatch closedLatch = new CountDownLatch(1);
    private volatile Closed closed;
    private int taken;

    /** Creates an empty recorder. */
    public RecordingSink() {
    }

    @Override
    public void onEvent(SessionEvent event) {
        record(event);
    }

    @Override
    public void onTurnStarted(List<String> clientMessageIds, int mergedCount) {
        record(new TurnStarted(clientMessageIds, mergedCount));
    }

    @Override
    public void onPermissionRequest(ToolPermissionRequest request) {
        record(request);
    }

    @Override
    public void onClosed(TransportException cause) {
        Closed call = new Closed(cause, System.nanoTime());
        record(call);
        closed = call;
        closedLatch.countDown();
    }

    private void record(Object call) {
        if (inside.incrementAndGet() > 1) {
            violations.add("overlapping call: " + call);
        }
        if (closed != null) {
            violations.add("call after onClosed: " + call);
        }
        synchronized (this) {
            calls.add(call);
            notifyAll();
        }
        inside.decrementAndGet();
    }

    /** @return every call so far: {@link SessionEvent}s, {@link TurnStarted}s, permission requests, {@link Closed} */
    public synchronized List<Object> calls() {
        return List.copyOf(calls);
    }

    /** @return the events so far */
    public List<SessionEvent> events() {
        return all(SessionEvent.class);
    }

    /**
     * @param type a kind of call
     * @param <T> the kind
     * @return the calls of that kind so far
     */
    public synchronized <T> List<T> all(Class<T> type) {
        return calls.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** @return the {@code onTurnStarted} calls so far */
    public List<TurnStarted> turns() {
        return all(TurnStarted.class);
    }

    /** @return the permission requests so far */
    public List<ToolPermissionRequest> permissions() {
        return all(ToolPermissionRequest.class);
    }

    /** @return the contract violations seen (overlapping calls, calls after {@code onClosed}) */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    /**
     * Takes calls until one of {@code type}.
     *
     * @param type the kind of call waited for
     * @param timeout how long to wait
     * @return every call taken meanwhile, the one waited for last
     * @throws AssertionError if none comes in time
     */
    public synchronized List<Object> until(Class<?> type, Duration timeout) {
        List<Object> meanwhile = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            while (taken < calls.size()) {
                Object call = calls.get(taken++);
                meanwhile.add(call);
                if (type.isInstance(call)) {
                    return meanwhile;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no " + type.getSimpleName() + " within " + timeout.toMillis()
                        + " ms; got meanwhile: " + meanwhile + (closed == null ? "" : "; closed with "
                        + closed.cause()));
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + type.getSimpleName(), e);
            }
        }
    }

    /**
     * @param type the kind of event
     * @param timeout how long to wait
     * @param <T> the kind
     * @return the next event of that kind, skipping other calls
     */
    public <T extends SessionEvent> T awaitEvent(Class<T> type, Duration timeout) {
        List<Object> meanwhile = until(type, timeout);
        return type.cast(meanwhile.get(meanwhile.size() - 1));
    }

    /**
     * @param timeout how long to wait
     * @return the next {@link Result}, skipping other calls
     */
    public Result awaitResult(Duration timeout) {
        return awaitEvent(Result.class, timeout);
    }

    /**
     * @param timeout how long to wait
     * @return the next permission request, skipping other calls
     */
    public ToolPermissionRequest awaitPermission(Duration timeout) {
        List<Object> meanwhile = until(ToolPermissionRequest.class, timeout);
        return (ToolPermissionRequest) meanwhile.get(meanwhile.size() - 1);
    }

    /**
     * Waits for {@code onClosed}, without taking calls (an {@code await…} after it still sees what came before).
     *
     * @param timeout how long to wait
     * @return the {@code onClosed} call
     * @throws AssertionError if the session was not closed in time
     */
    public Closed awaitClosed(Duration timeout) {
        if (!closedWithin(timeout)) {
            throw new AssertionError("not closed within " + timeout.toMillis() + " ms; calls: " + calls());
        }
        return closed;
    }

    /**
     * Waits for {@code onClosed}, without taking calls; a bounded negative check as well ("still open after …").
     *
     * @param timeout how long to wait
     * @return whether the session was closed within it
     */
    public boolean closedWithin(Duration timeout) {
        try {
            return closedLatch.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for onClosed", e);
        }
    }

    /** @return why the session closed, or {@code null} while open or after a requested close */
    public TransportException closeCause() {
        Closed call = closed;
        return call == null ? null : call.cause();
    }
}

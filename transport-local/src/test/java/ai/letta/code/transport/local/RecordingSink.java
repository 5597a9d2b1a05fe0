package ai.letta.code.transport.local;

import ai.letta.code.api.event.Result;
import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.api.exception.TransportException;
import ai.letta.code.api.permission.ToolPermissionRequest;
import ai.letta.code.spi.SessionSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A {@link SessionSink} that records everything, standing in for the engine; every wait is bounded and fails with
 * what was recorded so far.
 */
final class RecordingSink implements SessionSink {

    record TurnStarted(List<String> clientMessageIds, int mergedCount) {}

    private final List<SessionEvent> events = new ArrayList<>();
    private final List<TurnStarted> turns = new ArrayList<>();
    private final BlockingQueue<ToolPermissionRequest> permissions = new LinkedBlockingQueue<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile TransportException closeCause;
    private volatile long closedAtNanos;
    private int consumed;

    @Override
    public synchronized void onEvent(SessionEvent event) {
        events.add(event);
        notifyAll();
    }

    @Override
    public synchronized void onTurnStarted(List<String> clientMessageIds, int mergedCount) {
        turns.add(new TurnStarted(List.copyOf(clientMessageIds), mergedCount));
    }

    @Override
    public void onPermissionRequest(ToolPermissionRequest request) {
        permissions.add(request);
    }

    @Override
    public void onClosed(TransportException cause) {
        closeCause = cause;
        closedAtNanos = System.nanoTime();
        closed.countDown();
    }

    /** @return the permission requests heard and not yet taken */
    List<ToolPermissionRequest> permissions() {
        return List.copyOf(permissions);
    }

    /** Waits for the next event (after those already consumed) matching {@code type}. */
    synchronized <T extends SessionEvent> T next(Class<T> type, Duration timeout) throws InterruptedException {
        return type.cast(next(type::isInstance, timeout, type.getSimpleName()));
    }

    synchronized SessionEvent next(Predicate<SessionEvent> match, Duration timeout, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            while (consumed < events.size()) {
                SessionEvent e = events.get(consumed++);
                if (match.test(e)) {
                    return e;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || closed.getCount() == 0 && consumed >= events.size()) {
                throw new AssertionError("no " + what + " within " + timeout + "; events: " + events
                        + (closed.getCount() == 0 ? "; closed with " + closeCause : ""));
            }
            TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)));
        }
    }

    Result result(Duration timeout) throws InterruptedException {
        return next(Result.class, timeout);
    }

    ToolPermissionRequest permission(Duration timeout) throws InterruptedException {
        ToolPermissionRequest request = permissions.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (request == null) {
            throw new AssertionError("no permission request within " + timeout + "; events: " + events());
        }
        return request;
    }

    boolean awaitClosed(Duration timeout) throws InterruptedException {
        return closed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    TransportException closeCause() {
        return closeCause;
    }

    long closedAtNanos() {
        return closedAtNanos;
    }

    synchronized List<SessionEvent> events() {
        return List.copyOf(events);
    }

    synchronized <T extends SessionEvent> List<T> all(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    synchronized List<TurnStarted> turns() {
        return List.copyOf(turns);
    }
}

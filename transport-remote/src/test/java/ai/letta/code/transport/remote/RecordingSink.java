package ai.letta.code.transport.remote;

import ai.letta.code.api.event.Result;
import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.api.exception.TransportException;
import ai.letta.code.api.permission.ToolPermissionRequest;
import ai.letta.code.spi.SessionSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link SessionSink} that records every call, in order, for tests that drive the transport through its ports
 * (no engine). Every wait is bounded and its failure lists what arrived meanwhile. It also checks the sink
 * contract: calls never overlap, and nothing follows {@code onClosed}.
 */
final class RecordingSink implements SessionSink {

    /** {@code onTurnStarted}. */
    record TurnStarted(List<String> clientMessageIds, int mergedCount) {
    }

    /** {@code onClosed}. */
    record Closed(TransportException cause) {
    }

    private final LinkedBlockingQueue<Object> pending = new LinkedBlockingQueue<>();
    private final List<Object> all = new CopyOnWriteArrayList<>();
    private final AtomicInteger inside = new AtomicInteger();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    @Override
    public void onEvent(SessionEvent event) {
        record(event);
    }

    @Override
    public void onTurnStarted(List<String> clientMessageIds, int mergedCount) {
        record(new TurnStarted(List.copyOf(clientMessageIds), mergedCount));
    }

    @Override
    public void onPermissionRequest(ToolPermissionRequest request) {
        record(request);
    }

    @Override
    public void onClosed(TransportException cause) {
        record(new Closed(cause));
        closed = true;
    }

    private void record(Object call) {
        if (inside.incrementAndGet() > 1) {
            violations.add("overlapping call: " + call);
        }
        if (closed) {
            violations.add("call after onClosed: " + call);
        }
        all.add(call);
        pending.add(call);
        inside.decrementAndGet();
    }

    /** @return every call so far */
    List<Object> calls() {
        return List.copyOf(all);
    }

    /** @return the events so far */
    List<SessionEvent> events() {
        return all.stream().filter(SessionEvent.class::isInstance).map(SessionEvent.class::cast).toList();
    }

    /** @return contract violations seen (overlap, calls after close) */
    List<String> violations() {
        return List.copyOf(violations);
    }

    /** Waits for a call of the given type, returning every call taken meanwhile (including it). */
    List<Object> until(Class<?> type, Duration timeout) {
        List<Object> taken = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Object next;
            try {
                next = pending.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            if (next == null) {
                throw new AssertionError("no " + type.getSimpleName() + " within " + timeout.toMillis()
                        + " ms; got meanwhile: " + taken);
            }
            taken.add(next);
            if (type.isInstance(next)) {
                return taken;
            }
        }
    }

    /** @return the next {@link Result}, skipping other calls */
    Result awaitResult(Duration timeout) {
        List<Object> taken = until(Result.class, timeout);
        return (Result) taken.get(taken.size() - 1);
    }

    /** @return the next permission request, skipping other calls */
    ToolPermissionRequest awaitPermission(Duration timeout) {
        List<Object> taken = until(ToolPermissionRequest.class, timeout);
        return (ToolPermissionRequest) taken.get(taken.size() - 1);
    }

    /** @return the {@code onClosed} call, skipping other calls */
    Closed awaitClosed(Duration timeout) {
        List<Object> taken = until(Closed.class, timeout);
        return (Closed) taken.get(taken.size() - 1);
    }
}

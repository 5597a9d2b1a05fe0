package ai.letta.code.testkit.fake;

import static org.assertj.core.api.Assertions.fail;

import ai.letta.code.api.event.Result;
import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.api.exception.TransportException;
import ai.letta.code.api.permission.ToolPermissionRequest;
import ai.letta.code.spi.SessionSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A {@link SessionSink} for testing the fake without the engine: records every call, with bounded waits. */
final class RecordingSink implements SessionSink {

    /** One sink call. */
    sealed interface Call {}

    record Event(SessionEvent event) implements Call {}

    record TurnStarted(List<String> clientMessageIds, int mergedCount) implements Call {}

    record Permission(ToolPermissionRequest request) implements Call {}

    record Closed(TransportException cause) implements Call {}

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();
    private final List<Call> taken = new ArrayList<>();
    private final Set<String> threads = ConcurrentHashMap.newKeySet();

    @Override
    public void onEvent(SessionEvent event) {
        add(new Event(event));
    }

    @Override
    public void onTurnStarted(List<String> clientMessageIds, int mergedCount) {
        add(new TurnStarted(clientMessageIds, mergedCount));
    }

    @Override
    public void onPermissionRequest(ToolPermissionRequest request) {
        add(new Permission(request));
    }

    @Override
    public void onClosed(TransportException cause) {
        add(new Closed(cause));
    }

    /** @return the names of the threads that called this sink */
    Set<String> threads() {
        return Set.copyOf(threads);
    }

    /** @return the next call; fails after 10 s */
    Call next() {
        try {
            Call call = calls.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (call == null) {
                fail("no sink call within " + WAIT + "; calls so far: " + taken);
            }
            taken.add(call);
            return call;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Skips calls until one of {@code type}. */
    <T extends Call> T await(Class<T> type) {
        while (true) {
            Call call = next();
            if (type.isInstance(call)) {
                return type.cast(call);
            }
        }
    }

    /** Skips calls until an event of {@code type}. */
    <T extends SessionEvent> T awaitEvent(Class<T> type) {
        while (true) {
            Call call = next();
            if (call instanceof Event e && type.isInstance(e.event())) {
                return type.cast(e.event());
            }
        }
    }

    Result awaitResult() {
        return awaitEvent(Result.class);
    }

    /** @return the events taken so far, in order */
    List<SessionEvent> events() {
        return taken.stream().filter(Event.class::isInstance).map(c -> ((Event) c).event()).toList();
    }

    /** @return the calls taken so far */
    List<Call> taken() {
        return List.copyOf(taken);
    }

    /** Asserts that no call arrives within {@code quiet} (a bounded negative check). */
    void assertQuietFor(Duration quiet) {
        try {
            Call call = calls.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
            if (call != null) {
                fail("expected no sink call but got " + call + "; calls so far: " + taken);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private void add(Call call) {
        threads.add(Thread.currentThread().getName());
        calls.add(call);
    }
}

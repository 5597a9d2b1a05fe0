package ai.letta.code.testkit.contract;

import static org.assertj.core.api.Assertions.fail;

import ai.letta.code.api.EventStream;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.event.SessionEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads an {@link EventStream} on its own thread and lets a test take the events with bounded waits, like OkHttp's
 * {@code EventSourceRecorder}: a stream that stalls or never ends fails the test with a message listing what did
 * arrive, instead of hanging the build.
 *
 * <pre>{@code
 * session.send("hi");
 * try (EventRecorder events = EventRecorder.record(session.stream(), Duration.ofSeconds(30))) {
 *     events.assertNext(Reasoning.class);
 *     AssistantMessage answer = events.awaitNext(AssistantMessage.class);
 *     Result result = events.awaitResult();
 *     events.assertExhausted();
 * }
 * }</pre>
 *
 * <p>Every wait is bounded by the recorder's timeout. Use it from one test thread. Closing it closes the stream.
 */
public final class EventRecorder implements AutoCloseable {

    /** The default bound of each wait. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final Object END = new Object();

    private final EventStream stream;
    private final Duration timeout;
    private final BlockingQueue<Object> arrivals = new LinkedBlockingQueue<>();
    private final List<SessionEvent> taken = new ArrayList<>();
    private final Map<SessionEvent, Long> arrivedAt = Collections.synchronizedMap(new IdentityHashMap<>());
    private final Thread reader;
    private volatile Throwable failure;
    private boolean ended;

    private EventRecorder(EventStream stream, Duration timeout) {
        this.stream = Objects.requireNonNull(stream, "stream");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.reader = new Thread(this::read, "event-recorder-" + THREADS.incrementAndGet());
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * @param stream the stream to read (the recorder iterates it)
     * @return a recorder waiting at most {@link #DEFAULT_TIMEOUT} per event
     */
    public static EventRecorder record(EventStream stream) {
        return new EventRecorder(stream, DEFAULT_TIMEOUT);
    }

    /**
     * @param stream the stream to read
     * @param timeout the longest each wait may take
     * @return the recorder
     */
    public static EventRecorder record(EventStream stream, Duration timeout) {
        return new EventRecorder(stream, timeout);
    }

    /** @return the next event, whatever its type; fails if the stream ends or nothing arrives in time */
    public SessionEvent next() {
        Object arrival = take("the next event");
        if (arrival == END) {
            ended = true;
            fail("expected another event, but the stream ended" + failureText() + "; events so far: " + taken);
        }
        SessionEvent event = (SessionEvent) arrival;
        taken.add(event);
        return event;
    }

    /**
     * @param type the type the very next event must have
     * @param <T> the type
     * @return that event
     */
    public <T extends SessionEvent> T assertNext(Class<T> type) {
        SessionEvent event = next();
        if (!type.isInstance(event)) {
            fail("expected the next event to be a " + type.getSimpleName() + " but was " + event
                    + "; events so far: " + taken);
        }
        return type.cast(event);
    }

    /**
     * Skips events until one of {@code type} arrives.
     *
     * @param type the type to wait for
     * @param <T> the type
     * @return the first event of that type
     */
    public <T extends SessionEvent> T awaitNext(Class<T> type) {
        while (true) {
            SessionEvent event = next();
            if (type.isInstance(event)) {
                return type.cast(event);
            }
        }
    }

    /** @return the next {@link Result}, skipping other events */
    public Result awaitResult() {
        return awaitNext(Result.class);
    }

    /** @return every event up to the end of the stream (all taken so far included); fails if it does not end */
    public List<SessionEvent> awaitEnd() {
        while (!ended) {
            Object arrival = take("the end of the stream");
            if (arrival == END) {
                ended = true;
            } else {
                taken.add((SessionEvent) arrival);
            }
        }
        rethrowFailure();
        return List.copyOf(taken);
    }

    /** Asserts that the stream ends with no further event. */
    public void assertExhausted() {
        if (ended) {
            return;
        }
        Object arrival = take("the end of the stream");
        if (arrival != END) {
            taken.add((SessionEvent) arrival);
            fail("expected the stream to end, but got " + arrival + "; events so far: " + taken);
        }
        ended = true;
        rethrowFailure();
    }

    /**
     * When the reader took {@code event} from the stream, for a fault's time to its outcome measured from the
     * event rather than from the wait that found it.
     *
     * @param event an event this recorder returned
     * @return its {@link System#nanoTime()} at arrival
     */
    public long arrivalNanos(SessionEvent event) {
        Long nanos = arrivedAt.get(event);
        if (nanos == null) {
            throw new IllegalArgumentException("not an event of this recorder: " + event);
        }
        return nanos;
    }

    /** @return the events taken so far, in order */
    public List<SessionEvent> events() {
        return List.copyOf(taken);
    }

    /**
     * Closes the stream and stops reading. The reader thread is interrupted too: a stream closed by another thread
     * need not wake a reader blocked in it. Idempotent.
     */
    @Override
    public void close() {
        stream.close();
        reader.interrupt();
        try {
            reader.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void read() {
        try {
            for (SessionEvent event : stream) {
                arrivedAt.put(event, System.nanoTime());
                arrivals.add(event);
            }
        } catch (Throwable t) {
            failure = t;
        } finally {
            arrivals.add(END);
        }
    }

    private Object take(String what) {
        try {
            Object arrival = arrivals.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (arrival == null) {
                fail("waited " + timeout + " for " + what + " in vain; events so far: " + taken);
            }
            return arrival;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + what, e);
        }
    }

    private void rethrowFailure() {
        if (failure != null) {
            throw new AssertionError("iterating the stream threw " + failure + "; events so far: " + taken, failure);
        }
    }

    private String failureText() {
        return failure == null ? "" : " (iterating it threw " + failure + ")";
    }
}

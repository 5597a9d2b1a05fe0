package ai.letta.code.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.EventStream;
import ai.letta.code.api.event.AssistantMessage;
import ai.letta.code.api.event.Reasoning;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.spi.Results;
import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class EventRecorderTest {

    private static final Duration SHORT = Duration.ofMillis(200);

    private final ScriptedStream stream = new ScriptedStream();

    @Test
    void assertNextAndAwaitResultFollowTheStreamInOrder() {
        stream.push(new Reasoning("r1", "thinking", null));
        stream.push(new AssistantMessage("a1", "hi", null));
        stream.push(Results.success("hi", "conv-1"));
        stream.end();

        try (EventRecorder recorder = EventRecorder.record(stream, SHORT)) {
            assertThat(recorder.assertNext(Reasoning.class).content()).isEqualTo("thinking");
            assertThat(recorder.awaitResult().result()).contains("hi");
            recorder.assertExhausted();
            assertThat(recorder.events()).hasSize(3);
        }
    }

    @Test
    void wrongTypeFailsWithTheEventsSoFar() {
        stream.push(new AssistantMessage("a1", "surprise", null));

        try (EventRecorder recorder = EventRecorder.record(stream, SHORT)) {
            assertThatThrownBy(() -> recorder.assertNext(Reasoning.class)).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Reasoning").hasMessageContaining("surprise");
        }
    }

    @Test
    void silentStreamFailsWithinTheTimeoutInsteadOfHanging() {
        try (EventRecorder recorder = EventRecorder.record(stream, SHORT)) {
            assertThatThrownBy(recorder::awaitResult).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("PT0.2S");
        }
    }

    @Test
    void assertExhaustedFailsOnAnotherEvent() {
        stream.push(Results.success("x", "conv-1"));

        try (EventRecorder recorder = EventRecorder.record(stream, SHORT)) {
            assertThatThrownBy(recorder::assertExhausted).hasMessageContaining("expected the stream to end");
        }
    }

    @Test
    void awaitEndReturnsEverythingAndReportsAnIterationFailure() {
        stream.push(new Reasoning("r1", "thinking", null));
        stream.fail(new IllegalStateException("reader broke"));

        try (EventRecorder recorder = EventRecorder.record(stream, SHORT)) {
            assertThatThrownBy(recorder::awaitEnd).hasMessageContaining("reader broke");
        }
    }

    @Test
    void arrivalNanosIsWhenTheEventArrivedNotWhenItWasAwaited() throws InterruptedException {
        long before = System.nanoTime();
        stream.push(Results.success("early", "conv-1"));

        try (EventRecorder recorder = EventRecorder.record(stream, SHORT)) {
            // The reader's second wait on the stream means it has handed the first event over.
            assertThat(stream.waits.tryAcquire(2, 5, TimeUnit.SECONDS)).isTrue();
            long arrivedBy = System.nanoTime();
            Result result = recorder.awaitResult();
            assertThat(recorder.arrivalNanos(result)).isBetween(before, arrivedBy);
            assertThatThrownBy(() -> recorder.arrivalNanos(Results.success("other", "conv-1")))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** An EventStream fed by the test. */
    private static final class ScriptedStream implements EventStream {
        private static final Object END = new Object();
        private final BlockingQueue<Object> items = new LinkedBlockingQueue<>();
        /** A permit each time the reader waits for the next item. */
        final Semaphore waits = new Semaphore(0);

        void push(SessionEvent event) {
            items.add(event);
        }

        void end() {
            items.add(END);
        }

        void fail(RuntimeException failure) {
            items.add(failure);
        }

        @Override
        public Iterator<SessionEvent> iterator() {
            return new Iterator<>() {
                private Object next;

                @Override
                public boolean hasNext() {
                    if (next == null) {
                        try {
                            waits.release();
                            next = items.take();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return false;
                        }
                    }
                    if (next instanceof RuntimeException failure) {
                        throw failure;
                    }
                    return next != END;
                }

                @Override
                public SessionEvent next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    SessionEvent event = (SessionEvent) next;
                    next = null;
                    return event;
                }
            };
        }

        @Override
        public Stream<SessionEvent> toStream() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Flow.Publisher<SessionEvent> publisher() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Result result() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
            items.add(END);
        }
    }
}

package ai.letta.code.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.EventStream;
import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.SessionState;
import ai.letta.code.api.event.AssistantMessage;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.api.exception.IllegalUseException;
import ai.letta.code.spi.Results;
import ai.letta.code.spi.SessionTarget;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A loop left with {@code break} leaves its stream open; the next {@code stream()} takes over with nothing lost. */
class StreamTakeOverTest {
    private final EngineExecutors executors = new EngineExecutors();
    private final StubPort port = new StubPort();

    @AfterEach
    void shutDown() {
        executors.close();
    }

    private EngineSession open() {
        EngineSession session = new EngineSession(SessionOptions.defaults(), executors, s -> {});
        session.open(port, SessionTarget.newConversation(null));
        return session;
    }

    private static List<String> drain(EventStream stream) {
        List<String> contents = new ArrayList<>();
        CompletableFuture.runAsync(() -> stream.forEach(e -> contents.add(describe(e))))
                .orTimeout(5, TimeUnit.SECONDS).join();
        return contents;
    }

    private static String describe(SessionEvent event) {
        return event instanceof AssistantMessage m ? m.content() : event.type();
    }

    private static void breakOnFirstAssistantMessage(EventStream stream) {
        CompletableFuture.runAsync(() -> {
            for (SessionEvent e : stream) {
                if (e instanceof AssistantMessage) {
                    break;
                }
            }
        }).orTimeout(5, TimeUnit.SECONDS).join();
    }

    @Test
    void breakThenStreamSeesTheRestOfTheTurnAndItsResult() {
        EngineSession session = open();
        session.send("hi");
        port.sink.onEvent(new AssistantMessage("m1", "first", null));
        breakOnFirstAssistantMessage(session.stream());
        // The turn goes on after the break; its events wait for the next reader.
        port.sink.onEvent(new AssistantMessage("m2", "second", null));
        port.sink.onEvent(Results.success("second", "conv-stub"));

        assertThat(drain(session.stream())).containsExactly("second", "result");
        assertThat(session.state()).isEqualTo(SessionState.IDLE);
        session.close();
    }

    @Test
    void breakThenSendThenStreamEndsWithTheSecondTurnsResult() {
        EngineSession session = open();
        session.send("one");
        port.sink.onEvent(new AssistantMessage("a1", "one-a", null));
        breakOnFirstAssistantMessage(session.stream());
        session.send("two");
        port.sink.onEvent(new AssistantMessage("a2", "one-b", null));
        port.sink.onEvent(Results.success("one", "conv-stub"));
        port.sink.onEvent(new AssistantMessage("b1", "two-a", null));
        port.sink.onEvent(Results.success("two", "conv-stub"));

        assertThat(drain(session.stream())).containsExactly("one-b", "result", "two-a", "result");
        assertThat(drain(session.stream())).isEmpty();
        assertThat(session.state()).isEqualTo(SessionState.IDLE);
        session.close();
    }

    @Test
    void aMessageSentAfterTheFirstTurnEndedExtendsTheStreamTakingOver() {
        EngineSession session = open();
        session.send("one");
        port.sink.onEvent(new AssistantMessage("a1", "one-a", null));
        port.sink.onEvent(Results.success("one", "conv-stub"));
        breakOnFirstAssistantMessage(session.stream());
        session.send("two");
        port.sink.onEvent(new AssistantMessage("b1", "two-a", null));
        port.sink.onEvent(Results.success("two", "conv-stub"));

        assertThat(drain(session.stream())).containsExactly("result", "two-a", "result");
        session.close();
    }

    @Test
    void resultAfterABreakIsTheSameTurnsResult() {
        EngineSession session = open();
        session.send("hi");
        port.sink.onEvent(new AssistantMessage("m1", "first", null));
        port.sink.onEvent(Results.success("the answer", "conv-stub"));
        breakOnFirstAssistantMessage(session.stream());

        assertThat(session.stream().result().result()).contains("the answer");
        session.close();
    }

    @Test
    void iteratingTheSameStreamAgainContinuesWhereTheLoopStopped() {
        EngineSession session = open();
        session.send("hi");
        port.sink.onEvent(new AssistantMessage("m1", "first", null));
        port.sink.onEvent(new AssistantMessage("m2", "second", null));
        port.sink.onEvent(Results.success("second", "conv-stub"));
        EventStream stream = session.stream();
        breakOnFirstAssistantMessage(stream);

        assertThat(drain(stream)).containsExactly("second", "result");
        session.close();
    }

    @Test
    void theStreamTakenOverEndsAndItsCloseDropsNothing() {
        EngineSession session = open();
        session.send("hi");
        port.sink.onEvent(new AssistantMessage("m1", "first", null));
        EventStream old = session.stream();
        Iterator<SessionEvent> oldEvents = old.iterator();
        assertThat(oldEvents.hasNext()).isTrue(); // peeked, not taken: it stays for the next reader

        EventStream current = session.stream();
        old.close();
        port.sink.onEvent(Results.success("first", "conv-stub"));

        assertThat(oldEvents.hasNext()).isFalse();
        assertThat(drain(current)).containsExactly("first", "result");
        assertThatThrownBy(old::result).isInstanceOf(IllegalUseException.class).hasMessageContaining("taken over");
        session.close();
    }

    @Test
    void resultWithNothingSentIsAnIllegalUse() {
        EngineSession session = open();

        assertThatThrownBy(() -> session.stream().result()).isInstanceOf(IllegalUseException.class)
                .hasMessageContaining("session.send");
        session.close();
    }

    @Test
    void aSecondSubscriberGetsAnIllegalUseError() {
        EngineSession session = open();
        EventStream stream = session.stream();
        stream.publisher().subscribe(new Recorder());
        Recorder second = new Recorder();

        stream.publisher().subscribe(second);

        assertThat(second.error.join()).isInstanceOf(IllegalUseException.class);
        session.close();
    }

    /** Records the error a subscriber is signalled. */
    private static final class Recorder implements Flow.Subscriber<SessionEvent> {
        final CompletableFuture<Throwable> error = new CompletableFuture<Throwable>().orTimeout(5, TimeUnit.SECONDS);

        @Override
        public void onSubscribe(Flow.Subscription subscription) {}

        @Override
        public void onNext(SessionEvent item) {}

        @Override
        public void onError(Throwable throwable) {
            error.complete(throwable);
        }

        @Override
        public void onComplete() {}
    }
}

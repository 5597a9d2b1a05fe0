package ai.letta.code.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;

import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.UserMessage;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.event.AssistantMessage;
import ai.letta.code.api.event.ErrorCode;
import ai.letta.code.api.event.ErrorEvent;
import ai.letta.code.api.event.PartialEvent;
import ai.letta.code.api.event.QueueUpdate;
import ai.letta.code.api.event.Reasoning;
import ai.letta.code.api.event.Result;
import ai.letta.code.spi.SessionChannel;
import ai.letta.code.spi.SessionTarget;
import ai.letta.code.testkit.fake.RecordingSink.TurnStarted;
import ai.letta.code.testkit.script.Gate;
import ai.letta.code.testkit.script.TurnScript;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Turns on the fake, driven through its ports without the engine. */
class InMemoryTransportTurnTest {

    @TempDir
    Path dir;
    private final InMemoryTransport fake = new InMemoryTransport();
    private final RecordingSink sink = new RecordingSink();
    private SessionChannel channel;

    @BeforeEach
    void open() {
        String agent = fake.agents().create(AgentOptions.builder().persona("p").build());
        channel = fake.sessions().open(SessionTarget.newConversation(agent), SessionOptions.builder().cwd(dir).build(),
                sink);
    }

    @AfterEach
    void close() {
        fake.close();
    }

    @Test
    void unscriptedTurnGetsTheDeterministicPong() {
        channel.send("cm-1", UserMessage.text("ping"));

        TurnStarted started = sink.await(TurnStarted.class);
        Result result = sink.awaitResult();

        assertThat(started.clientMessageIds()).containsExactly("cm-1");
        assertThat(started.mergedCount()).isEqualTo(1);
        assertThat(sink.events()).hasExactlyElementsOfTypes(Reasoning.class, AssistantMessage.class, Result.class);
        assertThat(((AssistantMessage) sink.events().get(1)).content()).isEqualTo("pong");
        assertThat(result.success()).isTrue();
        assertThat(result.result()).contains("pong");
        assertThat(result.conversationId()).contains(channel.conversationId());
        assertThat(result.numTurns()).isEqualTo(1);
    }

    @Test
    void sinkCallsComeFromTheReaderThreadNeverTheCaller() {
        channel.send("cm-1", UserMessage.text("ping"));
        sink.awaitResult();

        assertThat(sink.threads()).containsExactly("in-memory-reader-" + channel.conversationId());
    }

    @Test
    void messagesWaitingBehindARunningTurnAreShownThenMergedIntoOneTurn() {
        Gate gate = new Gate();
        fake.enqueue(TurnScript.builder().reasoning("held").awaitGate(gate).assistant("one").build());
        fake.enqueue(TurnScript.text("two"));
        channel.send("cm-1", UserMessage.text("first"));
        sink.awaitEvent(Reasoning.class);

        channel.send("cm-2", UserMessage.text("second"));
        channel.send("cm-3", UserMessage.text("third"));
        QueueUpdate waiting = sink.awaitEvent(QueueUpdate.class);
        assertThat(waiting.queue()).extracting(q -> q.clientMessageId().orElse(null)).containsExactly("cm-2");
        assertThat(sink.awaitEvent(QueueUpdate.class).queue()).hasSize(2);
        gate.open();

        assertThat(sink.awaitResult().result()).contains("one");
        TurnStarted merged = sink.await(TurnStarted.class);
        assertThat(merged.clientMessageIds()).containsExactly("cm-2", "cm-3");
        assertThat(merged.mergedCount()).isEqualTo(2);
        assertThat(sink.awaitEvent(QueueUpdate.class).queue()).isEmpty();
        assertThat(sink.awaitResult().result()).contains("two");
        assertThat(fake.modelCalls()).extracting(ModelCall::userText).containsExactly("first", "second\nthird");
    }

    @Test
    void removedQueuedMessageNeverRuns() {
        Gate gate = new Gate();
        fake.enqueue(TurnScript.builder().reasoning("held").awaitGate(gate).assistant("one").build());
        channel.send("cm-1", UserMessage.text("first"));
        sink.awaitEvent(Reasoning.class);
        channel.send("cm-2", UserMessage.text("second"));

        assertThat(channel.removeQueued("cm-2")).isTrue();
        assertThat(channel.removeQueued("cm-2")).isFalse();
        gate.open();

        assertThat(sink.awaitResult().result()).contains("one");
        sink.assertQuietFor(Duration.ofMillis(200));
        assertThat(fake.modelCalls()).extracting(ModelCall::userText).containsExactly("first");
    }

    @Test
    void interruptEndsAStalledTurnWithItsPartialText() {
        fake.enqueue(TurnScript.builder().reasoning("thinking hard").stall().build());
        channel.send("cm-1", UserMessage.text("go"));
        sink.awaitEvent(Reasoning.class);

        channel.interrupt();

        Result result = sink.awaitResult();
        assertThat(result.status()).isEqualTo(Result.Status.INTERRUPTED);
        assertThat(result.errorCode()).contains(ErrorCode.INTERRUPTED);
        assertThat(result.result()).contains("thinking hard");
        channel.send("cm-2", UserMessage.text("ping"));
        assertThat(sink.awaitResult().result()).contains("pong");
    }

    @Test
    void interruptWhileIdleIsANoOp() {
        channel.interrupt();

        sink.assertQuietFor(Duration.ofMillis(200));
        channel.send("cm-1", UserMessage.text("ping"));
        assertThat(sink.awaitResult().success()).isTrue();
    }

    @Test
    void partialMessagesStreamEveryChunkBeforeTheJoinedMessage() {
        SessionTarget same = SessionTarget.existing(channel.agentId(), channel.conversationId());
        SessionChannel partial = fake.sessions().open(same,
                SessionOptions.builder().cwd(dir).includePartialMessages(true).build(), sink);
        fake.enqueue(TurnScript.builder().assistant("a", "b", "c").build());

        partial.send("cm-1", UserMessage.text("chunks"));
        sink.awaitResult();

        assertThat(sink.events()).filteredOn(PartialEvent.class::isInstance).extracting(e -> ((PartialEvent) e).delta())
                .containsExactly("a", "b", "c");
        assertThat(sink.events()).filteredOn(AssistantMessage.class::isInstance)
                .extracting(e -> ((AssistantMessage) e).content()).containsExactly("abc");
    }

    @Test
    void scriptedModelErrorEndsTheTurnWithAnErrorEventAndAFailedResult() {
        fake.enqueue(TurnScript.builder().reasoning("oops").error("llm_error", "provider down", "503 upstream")
                .build());

        channel.send("cm-1", UserMessage.text("fail"));

        ErrorEvent error = sink.awaitEvent(ErrorEvent.class);
        Result result = sink.awaitResult();
        assertThat(error.message()).isEqualTo("provider down");
        assertThat(error.detail()).contains("503 upstream");
        assertThat(result.status()).isEqualTo(Result.Status.ERROR);
        assertThat(result.errorCode()).contains(ErrorCode.LLM_API_ERROR);
    }

    @Test
    void stopReasonOtherThanEndTurnFailsTheTurnWithThatCode() {
        fake.enqueue(TurnScript.builder().assistant("too long").stopReason("max_steps").build());

        channel.send("cm-1", UserMessage.text("loop"));

        Result result = sink.awaitResult();
        assertThat(result.status()).isEqualTo(Result.Status.ERROR);
        assertThat(result.errorCode()).contains(ErrorCode.MAX_STEPS);
        assertThat(result.result()).contains("too long");
    }

    @Test
    void chunkDelaysAndPausesSlowTheTurnDown() {
        fake.enqueue(TurnScript.builder().assistant("x", "y").pause(Duration.ofMillis(50))
                .chunkDelay(Duration.ofMillis(50)).build());
        long start = System.nanoTime();

        channel.send("cm-1", UserMessage.text("slow"));
        sink.awaitResult();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
    }
}

package ai.letta.code.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import ai.letta.code.api.PromptResult;
import ai.letta.code.api.Session;
import ai.letta.code.api.event.AssistantMessage;
import ai.letta.code.api.event.ErrorEvent;
import ai.letta.code.api.event.PartialEvent;
import ai.letta.code.api.event.QueueUpdate;
import ai.letta.code.api.event.Reasoning;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.event.Retry;
import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.api.event.ToolCall;
import ai.letta.code.api.event.ToolResult;
import ai.letta.code.api.permission.PermissionMode;
import ai.letta.code.testkit.script.Gate;
import ai.letta.code.testkit.script.TurnScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What a turn yields: one-shot prompts, the order of a turn's events, joined chunks, tool calls with their results,
 * a second message sent while a turn streams, a loop left early ({@code break}) and the stream that takes over, failed
 * model calls, and turn scoping (no stale events).
 */
public abstract class TurnContract extends ContractSupport {

    /** For the transport's test, which subclasses it with its peer. */
    public TurnContract() {}

    @Test
    void promptRunsOneTurnAndReturnsItsResult() {
        String agentId = newAgent();
        peer.enqueue(TurnScript.builder().reasoning("a one-shot").assistant("one-shot answer").build());

        PromptResult result = client.prompt("hello once", agentId);

        assertThat(result.success()).as("%s", result.result()).isTrue();
        assertThat(result.result()).isEqualTo("one-shot answer");
        assertThat(result.agentId()).isEqualTo(agentId);
        assertThat(result.conversationId()).isNotBlank().isNotEqualTo("default");
        assertThat(last(result.events())).isEqualTo(result.turn());
        assertThat(ofType(result.events(), AssistantMessage.class)).extracting(AssistantMessage::content)
                .containsExactly("one-shot answer");
    }

    @Test
    void promptAsyncCompletesWithTheResult() throws Exception {
        String agentId = newAgent();
        peer.enqueue(TurnScript.text("async answer"));

        PromptResult result = client.promptAsync("hello async", agentId, options().build())
                .get(turnTimeout().toMillis(), TimeUnit.MILLISECONDS);

        assertThat(result.success()).isTrue();
        assertThat(result.result()).isEqualTo("async answer");
    }

    @Test
    void turnYieldsReasoningThenAssistantAndEndsWithItsResult() {
        Session session = openSession();
        peer.enqueue(TurnScript.builder().reasoning("planning the answer").assistant("the answer").build());

        List<SessionEvent> events = turn(session, "what is the answer?");

        int reasoning = indexOf(events, Reasoning.class);
        int assistant = indexOf(events, AssistantMessage.class);
        assertThat(reasoning).as("reasoning in %s", events).isGreaterThanOrEqualTo(0);
        assertThat(assistant).as("assistant after reasoning in %s", events).isGreaterThan(reasoning);
        assertThat(ofType(events, Result.class)).hasSize(1);
        Result result = last(events);
        assertThat(result.success()).isTrue();
        assertThat(result.result()).contains("the answer");
        assertThat(result.conversationId()).isIn(Optional.of(session.conversationId()), Optional.empty());
        assertThat(((Reasoning) events.get(reasoning)).content()).isEqualTo("planning the answer");
    }

    @Test
    void assistantChunksArriveJoinedAsOneMessage() {
        Session session = openSession();
        peer.enqueue(TurnScript.builder().assistant("Hel", "lo, ", "wor", "ld").build());

        List<SessionEvent> events = turn(session, "greet me");

        assertThat(ofType(events, AssistantMessage.class)).extracting(AssistantMessage::content)
                .containsExactly("Hello, world");
        assertThat(ofType(events, PartialEvent.class)).isEmpty();
        assertThat(last(events).result()).contains("Hello, world");
    }

    @Test
    void partialMessagesCarryTheChunks() {
        Session session = open(newAgent(), options().includePartialMessages(true).build());
        peer.enqueue(TurnScript.builder().assistant("Hel", "lo, ", "wor", "ld").build());

        List<SessionEvent> events = turn(session, "greet me in pieces");

        String streamed = ofType(events, PartialEvent.class).stream().filter(p -> p.kind().equals("assistant"))
                .map(PartialEvent::delta).collect(Collectors.joining());
        assertThat(streamed).isEqualTo("Hello, world");
        assertThat(last(events).success()).isTrue();
    }

    @Test
    void toolCallIsFollowedByItsResult() {
        Session session = open(newAgent(), options().permissionMode(PermissionMode.BYPASS_PERMISSIONS).build());
        peer.enqueue(shellTurn("echo contract-tool-ok"));

        List<SessionEvent> events = turn(session, "run the tool");

        ToolCall call = ofType(events, ToolCall.class).get(0);
        assertThat(call.toolName()).isEqualTo("Bash");
        assertThat(call.toolInput()).containsEntry("command", "echo contract-tool-ok");
        ToolResult result = ofType(events, ToolResult.class).get(0);
        assertThat(result.toolCallId()).isEqualTo(call.toolCallId());
        assertThat(result.isError()).as("tool result %s", result).isFalse();
        assertThat(events.indexOf(call)).isLessThan(events.indexOf(result));
        assertThat(ofType(events, ToolResult.class)).hasSize(1);
        assertThat(last(events).success()).isTrue();
        if (has(ContractFeature.RUNS_TOOLS)) {
            assertThat(result.content()).contains("contract-tool-ok");
            assertThat(last(events).result()).contains("tool said: contract-tool-ok");
        }
    }

    @Test
    void secondSendWhileStreamingRunsAfterTheFirstInOrder() {
        assumeFeature(ContractFeature.SLOW_TURNS);
        Session session = openSession();
        Gate gate = new Gate();
        peer.enqueue(TurnScript.builder().reasoning("first turn running").awaitGate(gate).assistant("answer one")
                .build());
        peer.enqueue(TurnScript.text("answer two"));

        session.send("first message");
        EventRecorder recorder = record(session);
        recorder.awaitNext(Reasoning.class);
        session.send("second message");
        gate.open();
        List<SessionEvent> events = recorder.awaitEnd();

        assertThat(ofType(events, Result.class)).extracting(r -> r.result().orElse(null)).containsExactly("answer one", "answer two");
        assertThat(ofType(events, Result.class)).allSatisfy(r -> assertThat(r.success()).isTrue());
        assertThat(ofType(events, AssistantMessage.class)).extracting(AssistantMessage::content)
                .containsExactly("answer one", "answer two");
        assertThat(ofType(events, QueueUpdate.class)).as("queue updates in %s", events).isNotEmpty();
        if (has(ContractFeature.OBSERVES_MODEL_REQUESTS)) {
            assertThat(peer.modelRequests()).extracting(ContractPeer.ModelRequest::userText)
                    .containsSubsequence("first message", "second message");
        }
    }

    @Test
    void aStreamLeftWithBreakIsTakenOverByTheNextStreamWithNothingLost() {
        Session session = openSession();
        peer.enqueue(TurnScript.builder().reasoning("before the break").assistant("after the break").build());

        session.send("break early");
        within("the loop left at the first reasoning", () -> breakAtFirst(session, Reasoning.class));
        List<SessionEvent> rest = within("the next stream", () -> collect(session));

        assertThat(ofType(rest, Reasoning.class)).as("nothing twice in %s", rest).isEmpty();
        assertThat(ofType(rest, AssistantMessage.class)).extracting(AssistantMessage::content)
                .containsExactly("after the break");
        assertThat(ofType(rest, Result.class)).hasSize(1);
        assertThat(last(rest).success()).as("%s", last(rest)).isTrue();
    }

    @Test
    void breakThenSendThenStreamEndsWithTheSecondTurnsResult() {
        Session session = openSession();
        peer.enqueue(TurnScript.builder().reasoning("first turn").assistant("answer one").build());
        peer.enqueue(TurnScript.text("answer two"));

        session.send("first message");
        within("the loop left at the first reasoning", () -> breakAtFirst(session, Reasoning.class));
        session.send("second message");
        List<SessionEvent> events = within("the next stream", () -> collect(session));

        assertThat(ofType(events, Result.class)).extracting(r -> r.result().orElse(null))
                .containsExactly("answer one", "answer two");
        assertThat(last(events).success()).as("%s", last(events)).isTrue();
        scriptedTurn(session, "after the break", "break ok");
    }

    private static void breakAtFirst(Session session, Class<? extends SessionEvent> type) {
        for (SessionEvent event : session.stream()) {
            if (type.isInstance(event)) {
                break; // leaves the stream open, as a user's loop does
            }
        }
    }

    private static List<SessionEvent> collect(Session session) {
        List<SessionEvent> events = new ArrayList<>();
        for (SessionEvent event : session.stream()) {
            events.add(event);
        }
        return events;
    }

    @Test
    void staleEventsNeverLeakIntoTheNextStream() {
        assumeFeature(ContractFeature.SLOW_TURNS);
        Session session = openSession();
        Gate gate = new Gate();
        peer.enqueue(TurnScript.builder().reasoning("stale reasoning").awaitGate(gate).assistant("stale answer")
                .build());
        peer.enqueue(TurnScript.text("fresh answer"));

        session.send("first message");
        try (EventRecorder abandoned = EventRecorder.record(session.stream(), turnTimeout())) {
            abandoned.awaitNext(Reasoning.class);
        }
        session.send("second message");
        gate.open();
        List<SessionEvent> events = record(session).awaitEnd();

        assertThat(events).noneSatisfy(e -> assertThat(e.toString()).contains("stale"));
        assertThat(ofType(events, Result.class)).hasSize(1);
        assertThat(last(events).result()).contains("fresh answer");
    }

    @Test
    void removedQueuedMessageNeverRunsAndDoesNotHoldTheStream() {
        assumeFeature(ContractFeature.SLOW_TURNS);
        Session session = openSession();
        Gate gate = new Gate();
        peer.enqueue(TurnScript.builder().reasoning("holding the queue").awaitGate(gate).assistant("kept answer")
                .build());

        session.send("first message");
        EventRecorder recorder = record(session);
        recorder.awaitNext(Reasoning.class);
        String second = session.send("second message");
        boolean removed = session.removeQueuedMessage(second);
        if (!removed) {
            peer.enqueue(TurnScript.text("removed answer")); // the peer had taken it up already
        }
        gate.open();
        List<SessionEvent> events = recorder.awaitEnd();

        List<String> answers = ofType(events, Result.class).stream().map(r -> r.result().orElse(null)).toList();
        if (removed) {
            assertThat(answers).containsExactly("kept answer");
            scriptedTurn(session, "after the removal", "after removal ok");
        } else {
            assertThat(answers).containsExactly("kept answer", "removed answer");
        }
    }

    @Test
    void failedModelCallEndsTheTurnWithAnErrorResult() {
        Session session = openSession();
        int attempts = peer.modelCallAttempts();
        for (int i = 0; i < attempts; i++) {
            peer.enqueue(TurnScript.builder().reasoning("about to fail")
                    .error("llm_error", "contract model failure", "provider said no").build());
        }

        List<SessionEvent> events = turn(session, "fail please");

        Result result = last(events);
        assertThat(result.status()).as("%s", result).isEqualTo(Result.Status.ERROR);
        assertThat(ofType(events, Retry.class)).as("retries reported").hasSize(attempts - 1);
        String reported = ofType(events, ErrorEvent.class).stream().map(e -> e.message() + " " + e.detail())
                .collect(Collectors.joining(" ")) + " " + result.error().orElse("") + " " + result.errorDetail().orElse("");
        assertThat(reported).contains("contract model failure");
        scriptedTurn(session, "try again", "recovered");
    }

    @Test
    void streamWithNothingSentEndsEmpty() {
        Session session = openSession();

        try (EventRecorder recorder = EventRecorder.record(session.stream(), turnTimeout())) {
            recorder.assertExhausted();
            assertThat(recorder.events()).isEmpty();
        }
    }
}

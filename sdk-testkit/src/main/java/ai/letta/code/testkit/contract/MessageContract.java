package ai.letta.code.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.conversation.MessageRecord;
import ai.letta.code.api.conversation.PageRequest;
import ai.letta.code.api.event.AssistantMessage;
import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.api.event.StopReason;
import ai.letta.code.api.event.ToolCall;
import ai.letta.code.api.exception.AgentNotFoundException;
import ai.letta.code.api.exception.TransportLostException;
import ai.letta.code.api.exception.UnsupportedFeatureException;
import ai.letta.code.api.message.MessageResponse;
import ai.letta.code.api.message.MessageStream;
import ai.letta.code.api.message.MessageUpdate;
import ai.letta.code.api.message.Messages;
import ai.letta.code.api.message.RunInfo;
import ai.letta.code.api.message.SendRequest;
import ai.letta.code.api.message.ToolApproval;
import ai.letta.code.testkit.script.TurnScript;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * {@code client.messages()}, the Letta API's messages: with {@link ContractFeature#LETTA_API} a send answers with
 * the scripted messages, stop reason and usage; a stream yields them as they arrive and keeps its stop reason; the
 * history holds both sides, a message is rewritten and the history reset; an async send leaves a run to poll; a
 * pending approval is answered on a conversation; a streaming run is cancelled by id, and a conversation's stream
 * cut mid-way is re-attached to its run. Without it every operation throws an
 * {@link UnsupportedFeatureException} naming the cloud backend (a session is how those backends talk).
 */
public abstract class MessageContract extends ContractSupport {

    /** For the transport's test, which subclasses it with its peer. */
    public MessageContract() {}

    @Test
    void sendAnswersWithMessagesStopReasonAndUsage() {
        String agentId = newAgent();
        if (unsupported(m -> m.send(agentId, SendRequest.text("hi")))) {
            return;
        }
        peer.enqueue(TurnScript.text("contract answer"));

        MessageResponse response = within("send", () -> client.messages().send(agentId, SendRequest.text("hi")));

        assertThat(response.text()).isEqualTo("contract answer");
        assertThat(response.stopReason()).isEqualTo(StopReason.END_TURN);
        assertThat(response.usage().totalTokens()).isPositive();
        assertThat(client.messages().list(agentId, PageRequest.first(20).chronological()).items())
                .extracting(m -> m.text().orElse("")).containsSubsequence("hi", "contract answer");
    }

    @Test
    void streamYieldsTypedMessagesAndEndsWithItsStopReason() {
        String agentId = newAgent();
        if (unsupported(m -> m.stream(agentId, SendRequest.text("hi")))) {
            return;
        }
        peer.enqueue(TurnScript.builder().assistant("looking").toolCall("call_contract", "Bash",
                Map.of("command", "ls")).build());

        List<SessionEvent> events = new ArrayList<>();
        try (MessageStream stream = client.messages().stream(agentId, SendRequest.text("what is here?"))) {
            within("stream", () -> stream.forEach(events::add));
            assertThat(stream.stopReason()).contains(StopReason.REQUIRES_APPROVAL);
            assertThat(stream.usage()).isPresent();
        }

        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOfSatisfying(AssistantMessage.class,
                m -> assertThat(m.content()).isEqualTo("looking"));
        assertThat(events.get(1)).isInstanceOfSatisfying(ToolCall.class,
                c -> assertThat(c.toolInput()).containsEntry("command", "ls"));
    }

    @Test
    void aPendingApprovalIsAnsweredOnAConversation() {
        String agentId = newAgent();
        if (unsupported(m -> m.answerApprovals(agentId, List.of(ToolApproval.approve("call_1"))))) {
            return;
        }
        String conversation = client.conversations().create(agentId).id();
        peer.enqueue(TurnScript.builder().toolCall("call_contract_deny", "Bash", Map.of("command", "rm x"))
                .assistantFrom(r -> "heard: " + r.toolResult().map(t -> t.content()).orElse("nothing")).build());

        MessageResponse asked = client.messages().sendToConversation(conversation, SendRequest.text("tidy"));
        assertThat(asked.stopReason()).isEqualTo(StopReason.REQUIRES_APPROVAL);
        MessageResponse answered = client.messages().answerApprovals(conversation,
                List.of(ToolApproval.deny("call_contract_deny", "keep x")));

        assertThat(answered.text()).isEqualTo("heard: keep x");
    }

    @Test
    void asyncSendLeavesARunToPoll() {
        String agentId = newAgent();
        if (unsupported(m -> m.sendAsync(agentId, SendRequest.text("hi")))) {
            return;
        }
        peer.enqueue(TurnScript.text("async answer"));

        RunInfo run = client.messages().sendAsync(agentId, SendRequest.text("later"));

        awaitCondition("run " + run.id() + " done", () -> client.messages().run(run.id()).done());
        assertThat(client.messages().run(run.id()).agentId()).contains(agentId);
    }

    @Test
    void aStreamingRunIsCancelledById() {
        String agentId = newAgent();
        if (unsupported(m -> m.cancel(agentId, List.of()))) {
            return;
        }
        peer.enqueue(TurnScript.builder().assistant("working").stall().build());

        try (MessageStream stream = client.messages().stream(agentId, SendRequest.text("long job"))) {
            Iterator<SessionEvent> events = stream.iterator();
            assertThat(within("the first event", events::next)).isInstanceOf(AssistantMessage.class);
            String runId = stream.runId().orElseThrow();

            assertThat(client.messages().cancel(agentId, List.of(runId))).containsEntry(runId, "cancelled");
            assertThat(client.messages().run(runId).status()).isEqualTo("cancelled");
        }
    }

    @Test
    void aConversationStreamCutMidWayIsReattachedToItsRun() {
        String agentId = newAgent();
        if (unsupported(m -> m.reattach(agentId, "run-contract"))) {
            return;
        }
        String conversation = client.conversations().create(agentId).id();
        peer.enqueue(TurnScript.builder().assistant("before the cut").dropConnection().assistant("after the cut")
                .build());

        String runId;
        try (MessageStream stream = client.messages().streamToConversation(conversation,
                SendRequest.builder().text("hi").background(true).build())) {
            Iterator<SessionEvent> events = stream.iterator();
            assertThat(within("the first event", events::next)).isInstanceOfSatisfying(AssistantMessage.class,
                    m -> assertThat(m.content()).isEqualTo("before the cut"));
            assertThatThrownBy(events::hasNext).isInstanceOf(TransportLostException.class);
            runId = stream.runId().orElseThrow();
        }

        try (MessageStream again = client.messages().reattach(conversation, runId)) {
            assertThat(within("the re-attached stream", () -> again.collect().text())).isEqualTo("after the cut");
        }
    }

    @Test
    void historyIsRewrittenAndReset() {
        String agentId = newAgent();
        if (unsupported(m -> m.reset(agentId, false))) {
            return;
        }
        peer.enqueue(TurnScript.text("reply"));
        client.messages().send(agentId, SendRequest.text("first words"));
        MessageRecord first = client.messages().list(agentId, PageRequest.first(10).chronological()).items().stream()
                .filter(m -> m.text().orElse("").equals("first words")).findFirst().orElseThrow();

        client.messages().update(agentId, first.id(), MessageUpdate.user("better words"));
        assertThat(client.messages().list(agentId, PageRequest.first(10).chronological()).items())
                .extracting(m -> m.text().orElse("")).contains("better words").doesNotContain("first words");

        client.messages().reset(agentId, false);
        assertThat(client.messages().list(agentId, PageRequest.first(10)).items()).isEmpty();
        assertThatThrownBy(() -> client.messages().send("agent-contract-unknown", SendRequest.text("hi")))
                .isInstanceOf(AgentNotFoundException.class);
    }

    @Test
    void everyOperationIsRefusedNamingTheCloudBackendWithoutTheLettaApi() {
        if (has(ContractFeature.LETTA_API)) {
            return;
        }
        String agentId = newAgent();
        List<Consumer<Messages>> calls = List.of(
                m -> m.send(agentId, SendRequest.text("hi")),
                m -> m.stream(agentId, SendRequest.text("hi")),
                m -> m.sendToConversation(agentId, SendRequest.text("hi")),
                m -> m.streamToConversation(agentId, SendRequest.text("hi")),
                m -> m.answerApprovals(agentId, List.of(ToolApproval.approve("call_1"))),
                m -> m.reattach(agentId, "run-1"),
                m -> m.sendAsync(agentId, SendRequest.text("hi")),
                m -> m.run("run-1"),
                m -> m.list(agentId, PageRequest.first(5)),
                m -> m.update(agentId, "message-1", MessageUpdate.user("x")),
                m -> m.reset(agentId, false),
                m -> m.cancel(agentId, List.of()));
        for (Consumer<Messages> call : calls) {
            assertThatThrownBy(() -> call.accept(client.messages()))
                    .isInstanceOfSatisfying(UnsupportedFeatureException.class,
                            e -> assertThat(e.supportedBy()).contains(BackendKind.CLOUD));
        }
    }

    /** Without the Letta API: checks {@code call} is refused naming the cloud backend and says so. */
    private boolean unsupported(Consumer<Messages> call) {
        if (has(ContractFeature.LETTA_API)) {
            return false;
        }
        assertThatThrownBy(() -> call.accept(client.messages()))
                .isInstanceOfSatisfying(UnsupportedFeatureException.class,
                        e -> assertThat(e.supportedBy()).contains(BackendKind.CLOUD));
        return true;
    }
}

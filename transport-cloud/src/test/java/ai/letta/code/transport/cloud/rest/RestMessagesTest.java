package ai.letta.code.transport.cloud.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.conversation.MessageRecord;
import ai.letta.code.api.conversation.Page;
import ai.letta.code.api.conversation.PageRequest;
import ai.letta.code.api.event.AssistantMessage;
import ai.letta.code.api.event.ErrorEvent;
import ai.letta.code.api.event.Reasoning;
import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.api.event.StopReason;
import ai.letta.code.api.event.ToolCall;
import ai.letta.code.api.exception.AgentNotFoundException;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.exception.ConversationNotFoundException;
import ai.letta.code.api.message.MessageResponse;
import ai.letta.code.api.message.MessageRole;
import ai.letta.code.api.message.MessageStream;
import ai.letta.code.api.message.MessageUpdate;
import ai.letta.code.api.message.RunInfo;
import ai.letta.code.api.message.SendRequest;
import ai.letta.code.api.message.ToolApproval;
import ai.letta.code.testkit.fakeapi.FakeLettaApi;
import ai.letta.code.testkit.script.RecordedRequest;
import ai.letta.code.testkit.script.TurnScript;
import ai.letta.code.transport.cloud.http.LettaHttp;
import ai.letta.code.transport.cloud.http.ScriptedApiServer;
import ai.letta.code.transport.cloud.http.StreamLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@link RestMessages} against {@link FakeLettaApi}: real state, what one call writes the next one reads. */
class RestMessagesTest {

    private FakeLettaApi fake;
    private LettaHttp http;
    private RestMessages messages;
    private String agentId;

    @BeforeEach
    void open() {
        fake = FakeLettaApi.start();
        http = ControlPlaneTest.client(fake.baseUrl());
        messages = new RestMessages(http, new StreamLimits(Duration.ofSeconds(5), Duration.ofSeconds(5), 1 << 20));
        agentId = fake.createAgent(Map.of("name", "messages-test"));
    }

    @AfterEach
    void close() {
        http.close();
        fake.close();
    }

    @Test
    void sendToAnAgentReturnsItsMessagesStopReasonAndUsage() {
        fake.enqueue(agentId, TurnScript.builder().reasoning("they greet me").assistant("hello there").build());

        MessageResponse response = messages.send(agentId, SendRequest.builder().text("hi").maxSteps(3).build());

        assertThat(response.messages()).hasSize(2);
        assertThat(response.messages().get(0)).isInstanceOfSatisfying(Reasoning.class,
                r -> assertThat(r.content()).isEqualTo("they greet me"));
        assertThat(response.text()).isEqualTo("hello there");
        assertThat(response.stopReason()).isEqualTo(StopReason.END_TURN);
        assertThat(response.usage().totalTokens()).isEqualTo(15);
        assertThat(response.usage().stepCount()).isEqualTo(1);
        JsonNode body = lastPost("/v1/agents/" + agentId + "/messages").json();
        assertThat(body.path("streaming").asBoolean(true)).isFalse();
        assertThat(body.path("max_steps").asInt()).isEqualTo(3);
        assertThat(body.path("messages").path(0).path("role").asString()).isEqualTo("user");
        assertThat(body.path("messages").path(0).path("content").asString()).isEqualTo("hi");
        assertThat(messages.list(agentId, PageRequest.first(50).chronological()).items())
                .extracting(m -> m.text().orElse("")).containsSubsequence("hi", "hello there");
    }

    @Test
    void streamToAnAgentYieldsTypedMessagesThenKeepsStopReasonAndUsage() {
        fake.enqueue(agentId, TurnScript.builder().reasoning("I should list files")
                .toolCall("call_ls", "Bash", Map.of("command", "ls")).build());

        List<SessionEvent> events = new ArrayList<>();
        try (MessageStream stream = messages.stream(agentId, SendRequest.text("what is here?"))) {
            stream.forEach(events::add);
            assertThat(stream.stopReason()).contains(StopReason.REQUIRES_APPROVAL);
            assertThat(stream.usage()).hasValueSatisfying(u -> assertThat(u.promptTokens()).isEqualTo(10));
            assertThat(stream.runId()).hasValueSatisfying(id -> assertThat(id).startsWith("run-"));
        }

        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOf(Reasoning.class);
        assertThat(events.get(1)).isInstanceOfSatisfying(ToolCall.class, call -> {
            assertThat(call.toolCallId()).isEqualTo("call_ls");
            assertThat(call.toolName()).isEqualTo("Bash");
            assertThat(call.toolInput()).containsEntry("command", "ls");
        });
        RecordedRequest post = lastPost("/v1/agents/" + agentId + "/messages/stream");
        assertThat(post.header("Accept")).contains("text/event-stream");
    }

    @Test
    void tokenChunksOfOneMessageArriveSeparatelyAndCollectJoinsThem() {
        fake.enqueue(agentId, TurnScript.builder().assistant("Hel", "lo", "!").build());

        try (MessageStream stream = messages.stream(agentId, SendRequest.builder().text("hi").streamTokens(true)
                .build())) {
            Iterator<SessionEvent> events = stream.iterator();
            assertThat(((AssistantMessage) events.next()).content()).isEqualTo("Hel");
            MessageResponse rest = stream.collect();
            assertThat(rest.messages()).hasSize(1);
            assertThat(rest.text()).isEqualTo("lo!");
            assertThat(rest.stopReason()).isEqualTo(StopReason.END_TURN);
        }
        assertThat(lastPost("/v1/agents/" + agentId + "/messages/stream").json().path("stream_tokens").asBoolean())
                .isTrue();
    }

    @Test
    void sendToAConversationTurnsItsDefaultStreamingOff() {
        String conversation = new ControlPlane(http).createConversation(agentId).id();
        fake.enqueue(conversation, TurnScript.text("in the thread"));

        MessageResponse response = messages.sendToConversation(conversation, SendRequest.builder()
                .message(MessageRole.SYSTEM, "be brief").text("hello").build());

        assertThat(response.text()).isEqualTo("in the thread");
        JsonNode body = lastPost("/v1/conversations/" + conversation + "/messages").json();
        assertThat(body.path("streaming").isBoolean()).isTrue();
        assertThat(body.path("streaming").asBoolean()).isFalse();
        assertThat(body.path("messages").path(0).path("role").asString()).isEqualTo("system");
        assertThat(fake.messages(conversation)).extracting(m -> m.path("content").asString(""))
                .contains("be brief", "hello", "in the thread");
    }

    @Test
    void streamToAConversationAndToAnAgentsMainThread() {
        String conversation = new ControlPlane(http).createConversation(agentId).id();
        fake.enqueue(conversation, TurnScript.text("streamed"));
        fake.enqueue(agentId, TurnScript.text("main thread"));

        try (MessageStream stream = messages.streamToConversation(conversation, SendRequest.text("go"))) {
            assertThat(stream.collect().text()).isEqualTo("streamed");
        }
        try (MessageStream stream = messages.streamToConversation(agentId, SendRequest.text("go"))) {
            assertThat(stream.collect().text()).isEqualTo("main thread");
        }

        assertThat(lastPost("/v1/conversations/" + conversation + "/messages").json().path("streaming").asBoolean())
                .isTrue();
        JsonNode main = lastPost("/v1/conversations/default/messages").json();
        assertThat(main.path("agent_id").asString()).isEqualTo(agentId);
    }

    @Test
    void pendingApprovalIsDeniedWithAReasonTheModelReads() {
        String conversation = new ControlPlane(http).createConversation(agentId).id();
        fake.enqueue(conversation, TurnScript.builder().toolCall("call_rm", "Bash", Map.of("command", "rm -rf /"))
                .assistantFrom(request -> "denied because: " + request.toolResult().orElseThrow().content())
                .build());
        MessageResponse asked = messages.sendToConversation(conversation, SendRequest.text("clean up"));
        assertThat(asked.stopReason()).isEqualTo(StopReason.REQUIRES_APPROVAL);
        String callId = ((ToolCall) asked.messages().get(0)).toolCallId();

        MessageResponse answered = messages.answerApprovals(conversation,
                List.of(ToolApproval.deny(callId, "not on this machine")));

        assertThat(answered.text()).isEqualTo("denied because: not on this machine");
        JsonNode approval = lastPost("/v1/conversations/" + conversation + "/messages").json().path("messages")
                .path(0);
        assertThat(approval.path("type").asString()).isEqualTo("approval");
        assertThat(approval.path("approvals").path(0).path("type").asString()).isEqualTo("approval");
        assertThat(approval.path("approvals").path(0).path("tool_call_id").asString()).isEqualTo("call_rm");
        assertThat(approval.path("approvals").path(0).path("approve").asBoolean(true)).isFalse();
        assertThat(approval.path("approvals").path(0).path("reason").asString()).isEqualTo("not on this machine");
    }

    @Test
    void asyncSendReturnsARunThatIsPolled() {
        fake.enqueue(agentId, TurnScript.text("done later"));

        RunInfo started = messages.sendAsync(agentId, SendRequest.text("work in the background"));
        RunInfo polled = messages.run(started.id());

        assertThat(started.id()).startsWith("run-");
        assertThat(polled.id()).isEqualTo(started.id());
        assertThat(polled.agentId()).contains(agentId);
        assertThat(polled.done()).isTrue();
        assertThat(polled.status()).isEqualTo("completed");
        assertThat(polled.stopReason()).contains(StopReason.END_TURN);
        assertThat(polled.createdAt()).isPresent();
        assertThat(polled.extras()).containsKey("background");
        assertThat(lastPost("/v1/agents/" + agentId + "/messages/async").json().has("streaming")).isFalse();
        assertThat(messages.list(agentId, PageRequest.first(10)).items()).extracting(m -> m.text().orElse(""))
                .contains("done later");
    }

    @Test
    void historyIsPagedWithCursorsAndAutoPaged() {
        for (String word : List.of("one", "two", "three")) {
            fake.enqueue(agentId, TurnScript.text("said " + word));
            messages.send(agentId, SendRequest.text("say " + word));
        }

        Page<MessageRecord> first = messages.list(agentId, PageRequest.first(2).chronological());
        assertThat(first.items()).extracting(m -> m.text().orElse("")).containsExactly("say one", "said one");
        assertThat(first.hasMore()).isTrue();
        Page<MessageRecord> second = messages.list(agentId, PageRequest.first(2).chronological()
                .startingAfter(first.nextCursor().orElseThrow()));
        assertThat(second.items()).extracting(m -> m.text().orElse("")).containsExactly("say two", "said two");

        List<String> all = new ArrayList<>();
        messages.list(agentId, PageRequest.first(2).chronological()).autoPager().forEach(m -> all.add(m.text()
                .orElse("")));
        assertThat(all).containsExactly("say one", "said one", "say two", "said two", "say three", "said three");
        assertThat(messages.list(agentId, PageRequest.first(1)).items()).extracting(m -> m.text().orElse(""))
                .containsExactly("said three");
    }

    @Test
    void aStoredMessageKeepsItsOtherFieldsInExtras() {
        fake.enqueue(agentId, TurnScript.builder().toolCall("roll_dice", Map.of("sides", 6)).build());
        messages.send(agentId, SendRequest.text("roll"));

        MessageRecord call = messages.list(agentId, PageRequest.first(10).chronological()).items().stream()
                .filter(m -> m.messageType().equals("approval_request_message")
                        || m.messageType().equals("tool_call_message")).findFirst().orElseThrow();
        assertThat(call.text()).hasValueSatisfying(t -> assertThat(t).contains("\"sides\""));
        assertThat(call.extras()).doesNotContainKeys("id", "message_type", "date", "run_id")
                .extractingByKey("tool_call").asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("name", "roll_dice").containsKey("tool_call_id");
        assertThatThrownBy(() -> call.extras().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);

        // a field this SDK does not know yet, and a JSON null, from a newer server
        try (ScriptedApiServer server = ScriptedApiServer.start().then(ScriptedApiServer.Reply.json(200,
                "[{\"id\":\"message-1\",\"message_type\":\"assistant_message\",\"content\":\"hi\","
                + "\"date\":\"2026-01-02T03:04:05Z\",\"otid\":null,\"future\":{\"depth\":[1,2]}}]"));
                LettaHttp client = ControlPlaneTest.client(server.baseUrl())) {
            MessageRecord newer = new RestMessages(client, new StreamLimits(Duration.ofSeconds(2), Duration.ofSeconds(2), 1024))
                    .list("agent-1", PageRequest.first(1)).items().get(0);
            assertThat(newer.text()).contains("hi");
            assertThat(newer.extras()).containsEntry("otid", null).containsEntry("content", "hi")
                    .containsEntry("future", Map.of("depth", List.of(1, 2))).hasSize(3);
        }
    }

    @Test
    void aStoredMessageIsRewrittenAndTheHistoryReset() {
        fake.enqueue(agentId, TurnScript.text("answer"));
        messages.send(agentId, SendRequest.text("original question"));
        MessageRecord question = messages.list(agentId, PageRequest.first(10).chronological()).items().get(0);

        MessageRecord edited = messages.update(agentId, question.id(), MessageUpdate.user("edited question"));

        assertThat(edited.id()).isEqualTo(question.id());
        assertThat(edited.text()).contains("edited question");
        assertThat(messages.list(agentId, PageRequest.first(10).chronological()).items().get(0).text())
                .contains("edited question");
        assertThat(lastRequest("PATCH", "/v1/agents/" + agentId + "/messages/" + question.id()).json()
                .path("message_type").asString()).isEqualTo("user_message");

        messages.reset(agentId, false);

        assertThat(messages.list(agentId, PageRequest.first(10)).items()).isEmpty();
        assertThat(lastRequest("PATCH", "/v1/agents/" + agentId + "/reset-messages").json()
                .path("add_default_initial_messages").isBoolean()).isTrue();
    }

    @Test
    void runsAreCancelledByIdAndAStreamsCancelStopsItsRun() {
        fake.enqueue(agentId, TurnScript.builder().assistant("working").stall().build());
        MessageStream stream = messages.stream(agentId, SendRequest.text("long job"));
        assertThat(stream.iterator().next()).isInstanceOf(AssistantMessage.class);
        String runId = stream.runId().orElseThrow();

        Map<String, String> outcome = messages.cancel(agentId, List.of(runId));
        assertThat(outcome).containsEntry(runId, "cancelled");
        assertThat(fake.runs()).filteredOn(r -> r.path("id").asString().equals(runId))
                .extracting(r -> r.path("status").asString()).containsExactly("cancelled");

        stream.cancel();
        stream.cancel();

        assertThat(stream.iterator().hasNext()).isFalse();
        List<RecordedRequest> cancels = fake.requests().stream()
                .filter(r -> r.path().equals("/v1/agents/" + agentId + "/messages/cancel")).toList();
        assertThat(cancels).hasSize(2);
        assertThat(cancels.get(1).json().path("run_ids").path(0).asString()).isEqualTo(runId);
    }

    @Test
    void aConversationStreamsCancelPostsTheConversationCancel() {
        String conversation = new ControlPlane(http).createConversation(agentId).id();
        fake.enqueue(conversation, TurnScript.builder().assistant("working").stall().build());
        try (MessageStream stream = messages.streamToConversation(conversation, SendRequest.text("long job"))) {
            assertThat(stream.iterator().next()).isInstanceOf(AssistantMessage.class);
            stream.cancel();
            assertThat(stream.iterator().hasNext()).isFalse();
        }
        assertThat(fake.requests()).extracting(RecordedRequest::path)
                .contains("/v1/conversations/" + conversation + "/cancel");
        assertThat(fake.runs()).extracting(r -> r.path("status").asString()).doesNotContain("running");
    }

    @Test
    void anInBandErrorIsAnErrorEventFollowedByItsStopReason() {
        fake.enqueue(agentId, TurnScript.builder().assistant("partial").error("llm_error", "provider down").build());
        try (MessageStream stream = messages.stream(agentId, SendRequest.text("hi"))) {
            List<SessionEvent> events = new ArrayList<>();
            stream.forEach(events::add);
            assertThat(events).hasSize(2);
            assertThat(events.get(1)).isInstanceOfSatisfying(ErrorEvent.class, e -> {
                assertThat(e.message()).isEqualTo("provider down");
                assertThat(e.errorCode().value()).isEqualTo("llm_error");
            });
            assertThat(stream.stopReason()).contains(StopReason.LLM_API_ERROR);
        }
    }

    @Test
    void anErrorEventFramingEndsTheStream() {
        fake.enqueue(agentId, TurnScript.builder().assistant("partial").errorEvent("internal_error", "boom", "trace")
                .build());
        try (MessageStream stream = messages.stream(agentId, SendRequest.text("hi"))) {
            List<SessionEvent> events = new ArrayList<>();
            stream.forEach(events::add);
            assertThat(events).last().isInstanceOfSatisfying(ErrorEvent.class,
                    e -> assertThat(e.detail()).contains("trace"));
        }
    }

    @Test
    void unknownTargetsAreTypedNotFound() {
        assertThatThrownBy(() -> messages.send("agent-missing", SendRequest.text("hi")))
                .isInstanceOf(AgentNotFoundException.class).hasMessageContaining("agent-missing");
        assertThatThrownBy(() -> messages.stream("agent-missing", SendRequest.text("hi")))
                .isInstanceOf(AgentNotFoundException.class);
        assertThatThrownBy(() -> messages.sendToConversation("conv-missing", SendRequest.text("hi")))
                .isInstanceOf(ConversationNotFoundException.class);
        assertThatThrownBy(() -> messages.list("agent-missing", PageRequest.first(5)))
                .isInstanceOf(AgentNotFoundException.class);
    }

    @Test
    void badInputIsRefusedBeforeAnyRequest() {
        int before = fake.requestCount();
        SendRequest hi = SendRequest.text("hi");

        assertThatThrownBy(() -> messages.send(" ", hi)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("agentId");
        assertThatThrownBy(() -> messages.send("conv-123", hi)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("agentId").hasMessageContaining("conversation");
        assertThatThrownBy(() -> messages.stream("agent-1/../x", hi)).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> messages.streamToConversation("block-1", hi))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("conversationId");
        assertThatThrownBy(() -> messages.send(agentId, null)).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> messages.answerApprovals("conv-1", List.of()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("approvals");
        assertThatThrownBy(() -> messages.update(agentId, "run-1", MessageUpdate.user("x")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("messageId");
        assertThatThrownBy(() -> messages.run("agent-1")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("runId");
        assertThatThrownBy(() -> messages.cancel(agentId, List.of("conv-1")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("runIds");
        assertThatThrownBy(() -> SendRequest.builder().build()).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> SendRequest.builder().maxSteps(0)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("maxSteps");
        assertThatThrownBy(() -> SendRequest.builder().text(" ")).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> SendRequest.builder().overrideModel("no-slash"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("overrideModel");
        assertThatThrownBy(() -> SendRequest.builder().approval(ToolApproval.approve("c1"))
                .approval(ToolApproval.deny("c1", "no"))).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> ToolApproval.deny("c1", " ")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("reason");

        assertThat(fake.requestCount()).isEqualTo(before);
    }

    private RecordedRequest lastPost(String path) {
        return lastRequest("POST", path);
    }

    private RecordedRequest lastRequest(String method, String path) {
        Predicate<RecordedRequest> match = r -> r.method().equals(method) && r.path().equals(path);
        List<RecordedRequest> found = fake.requests().stream().filter(match).toList();
        assertThat(found).as("%s %s in %s", method, path, fake.requests()).isNotEmpty();
        return found.get(found.size() - 1);
    }
}

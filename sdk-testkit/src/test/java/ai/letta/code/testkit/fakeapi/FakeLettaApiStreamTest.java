package ai.letta.code.testkit.fakeapi;

import static ai.letta.code.testkit.script.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import ai.letta.code.testkit.script.SseFrame;
import ai.letta.code.testkit.script.SseText;
import ai.letta.code.testkit.script.TestHttp;
import ai.letta.code.testkit.script.TurnRequest;
import ai.letta.code.testkit.script.TurnScript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The Letta SSE rendering of scripted turns, at the HTTP level (cloud.md §2.3–2.5, offline-peers.md §5.3–5.4). */
class FakeLettaApiStreamTest {

    private static final String USER_TURN = """
            {"messages":[{"role":"user","content":[{"type":"text","text":"<system-reminder>use a tool</system-reminder>"},\
            {"type":"text","text":"ping"}],"otid":"o-1"}],"streaming":true,"stream_tokens":true,\
            "client_tools":[{"name":"Bash","description":"shell","parameters":{"type":"object",\
            "properties":{"command":{"type":"string"},"description":{"type":"string"}}}}]}""";
    private static final String TOOL_RESULT = """
            {"messages":[{"type":"approval","approvals":[{"type":"tool","tool_call_id":"call_fake_1",\
            "tool_return":[{"type":"text","text":"ok\\n"}],"status":"success"}],"otid":"o-2"}],"streaming":true}""";

    private FakeLettaApi api;
    private TestHttp http;
    private String conversation;

    @BeforeEach
    void start() {
        api = FakeLettaApi.start();
        http = new TestHttp(api.baseUrl().toString());
        String agent = api.createAgent(Map.of("name", "a"));
        conversation = json(http.post("/v1/conversations/?agent_id=" + agent, "{}")).path("id").asString();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void toolStepStreamsReasoningApprovalRequestStopReasonUsageAndDone() {
        api.enqueue(TurnScript.builder().reasoning("I should run the shell tool.")
                .toolCall("Bash", Map.of("command", "echo ok")).build());

        HttpResponse<String> response = http.post(messagesPath(), USER_TURN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        List<SseFrame.Event> events = SseText.events(response.body());
        assertThat(events).extracting(SseFrame.Event::event).containsOnlyNulls();
        assertThat(events).last().isEqualTo(SseFrame.Event.data("[DONE]"));
        List<JsonNode> messages = events.subList(0, events.size() - 1).stream()
                .map(e -> TestHttp.parse(e.data())).toList();
        assertThat(messages).extracting(m -> m.path("message_type").asString()).containsExactly(
                "reasoning_message", "approval_request_message", "stop_reason", "usage_statistics");
        assertThat(messages).extracting(m -> m.path("run_id").asString()).containsOnly(
                messages.get(0).path("run_id").asString());
        JsonNode toolCall = messages.get(1).path("tool_call");
        assertThat(toolCall.path("name").asString()).isEqualTo("Bash");
        assertThat(toolCall.path("tool_call_id").asString()).isEqualTo("call_fake_1");
        assertThat(toolCall.path("arguments").asString()).isEqualTo("{\"command\":\"echo ok\"}");
        assertThat(messages.get(1).path("tool_calls").path(0)).isEqualTo(toolCall);
        assertThat(messages.get(2).path("stop_reason").asString()).isEqualTo("requires_approval");
        assertThat(messages.get(3).path("total_tokens").asInt()).isEqualTo(15);
    }

    @Test
    void approvalContinuationGetsTheNextStepAndTheScriptSeesTheToolResult() {
        api.enqueue(TurnScript.builder().toolCall("Bash", Map.of("command", "echo ok"))
                .assistantFrom(r -> "tool said: " + r.toolResult().orElseThrow().content().strip()).build());
        http.post(messagesPath(), USER_TURN);

        List<SseFrame.Event> events = SseText.events(http.post(messagesPath(), TOOL_RESULT).body());

        assertThat(events.get(0).data()).contains("\"message_type\":\"assistant_message\"")
                .contains("\"content\":\"tool said: ok\"");
        assertThat(api.turns()).extracting(TurnRequest::userText).containsExactly("ping", "");
        assertThat(api.turns().get(0).tool("Bash")).hasValueSatisfying(
                t -> assertThat(t.parameters()).containsExactly("command", "description"));
        assertThat(api.turns().get(1).toolResult()).hasValue(new TurnRequest.ToolResult("call_fake_1", "ok\n", false));
    }

    @Test
    void aConversationsOwnModelAnswersItsTurnsAndTheServerCompilesTheAgentsPrompt() {
        String agent = api.createAgent(Map.of("name", "b", "system", "You are Patch.",
                "memory_blocks", List.of(Map.of("label", "persona", "value", "terse"))));
        String own = json(http.post("/v1/conversations/?agent_id=" + agent, "{}")).path("id").asString();
        String path = "/v1/conversations/" + own + "/messages";
        http.post(path, USER_TURN);

        http.patch("/v1/conversations/" + own, "{\"model\":\"anthropic/other\"}");
        http.post(path, USER_TURN);

        assertThat(api.turns()).extracting(TurnRequest::model)
                .containsExactly(FakeLettaApi.DEFAULT_MODEL, "anthropic/other");
        assertThat(api.systemPromptOf(api.turns().get(1))).hasValue("You are Patch.\n<persona>\nterse\n</persona>");
    }

    @Test
    void thePendingApprovalIsTheLastInContextMessageAndCanBeRetrievedById() {
        api.enqueue(TurnScript.builder().toolCall("Bash", Map.of("command", "touch x")).build());
        http.post(messagesPath(), USER_TURN);

        JsonNode inContext = json(http.get("/v1/conversations/" + conversation)).path("in_context_message_ids");
        String last = inContext.path(inContext.size() - 1).asString();
        JsonNode variants = json(http.get("/v1/messages/" + last));

        assertThat(inContext.size()).isEqualTo(2); // the user message, then the approval request
        assertThat(variants.path(0).path("message_type").asString()).isEqualTo("approval_request_message");
        assertThat(variants.path(0).path("tool_call").path("name").asString()).isEqualTo("Bash");
        assertThat(http.get("/v1/messages/message-unknown").statusCode()).isEqualTo(404);
    }

    @Test
    void chunksOfOneMessageShareAnIdAndHistoryJoinsThem() {
        api.enqueue(TurnScript.builder().reasoning("thinking").assistant("po", "ng").build());

        List<SseFrame.Event> events = SseText.events(http.post(messagesPath(), USER_TURN).body());

        JsonNode first = TestHttp.parse(events.get(1).data());
        JsonNode second = TestHttp.parse(events.get(2).data());
        assertThat(first.path("id")).isEqualTo(second.path("id"));
        assertThat(first.path("content").asString() + second.path("content").asString()).isEqualTo("pong");
        JsonNode history = json(http.get("/v1/conversations/" + conversation + "/messages?order=asc"));
        assertThat(history.valueStream().map(m -> m.path("message_type").asString()))
                .containsExactly("user_message", "reasoning_message", "assistant_message");
        assertThat(history.path(2).path("content").asString()).isEqualTo("pong");
        assertThat(api.runs()).singleElement().satisfies(run -> {
            assertThat(run.path("status").asString()).isEqualTo("completed");
            assertThat(run.path("stop_reason").asString()).isEqualTo("end_turn");
        });
    }

    @Test
    void inBandErrorRendersAnErrorMessageThenAnLlmApiErrorStop() {
        api.enqueue(TurnScript.builder().error("llm_error", "the model broke", "upstream 529").build());

        List<SseFrame.Event> events = SseText.events(http.post(messagesPath(), USER_TURN).body());

        JsonNode error = TestHttp.parse(events.get(0).data());
        assertThat(error.path("message_type").asString()).isEqualTo("error_message");
        assertThat(error.path("error_type").asString()).isEqualTo("llm_error");
        assertThat(error.path("detail").asString()).isEqualTo("upstream 529");
        assertThat(events.get(1).data()).contains("\"stop_reason\":\"llm_api_error\"");
        assertThat(events).last().isEqualTo(SseFrame.Event.data("[DONE]"));
    }

    @Test
    void errorEventUsesTheSseErrorFramingAndEndsTheStream() {
        api.enqueue(TurnScript.builder().reasoning("r").errorEvent("llm_error", "boom", null).build());

        List<SseFrame.Event> events = SseText.events(http.post(messagesPath(), USER_TURN).body());

        assertThat(events).hasSize(2);
        assertThat(events.get(1).event()).isEqualTo("error");
        assertThat(events.get(1).data()).contains("\"message_type\":\"error_message\"").contains("\"detail\":\"boom\"");
    }

    @Test
    void httpErrorsUseFastApiDetailBodies() {
        api.enqueue(TurnScript.builder().httpError(503, "busy").pendingApproval().build());

        HttpResponse<String> unavailable = http.post(messagesPath(), USER_TURN);
        HttpResponse<String> conflict = http.post(messagesPath(), USER_TURN);

        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(json(unavailable).path("detail").asString()).isEqualTo("busy");
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(json(conflict).path("detail").path("code").asString()).isEqualTo("PENDING_APPROVAL");
        assertThat(json(conflict).path("detail").path("message").asString())
                .contains("waiting for approval on a tool call");
    }

    @Test
    void nonStreamingRequestGetsOneLettaResponse() {
        api.enqueue(TurnScript.builder().reasoning("r").assistant("pong").build());

        JsonNode response = json(http.post(messagesPath(), USER_TURN.replace("\"streaming\":true",
                "\"streaming\":false")));

        assertThat(response.path("messages").valueStream().map(m -> m.path("message_type").asString()))
                .containsExactly("reasoning_message", "assistant_message");
        assertThat(response.path("stop_reason").path("stop_reason").asString()).isEqualTo("end_turn");
        assertThat(response.path("usage").path("message_type").asString()).isEqualTo("usage_statistics");
    }

    @Test
    void defaultConversationIsAddressedWithTheAgentId() {
        String agent = api.agents().get(0).path("id").asString();
        api.enqueue(agent, TurnScript.text("on the main thread"));

        HttpResponse<String> missingAgent = http.post("/v1/conversations/default/messages", USER_TURN);
        String body = http.post("/v1/conversations/default/messages",
                USER_TURN.replace("{\"messages\"", "{\"agent_id\":\"" + agent + "\",\"messages\"")).body();

        assertThat(missingAgent.statusCode()).isEqualTo(422);
        assertThat(body).contains("on the main thread");
        assertThat(api.messages(agent)).hasSize(2);
    }

    private String messagesPath() {
        return "/v1/conversations/" + conversation + "/messages";
    }
}

package ai.letta.code.testkit.fakemodel;

import static ai.letta.code.testkit.script.TestHttp.json;
import static ai.letta.code.testkit.script.TestHttp.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import ai.letta.code.testkit.script.SseFrame;
import ai.letta.code.testkit.script.SseText;
import ai.letta.code.testkit.script.TestHttp;
import ai.letta.code.testkit.script.TurnRequest;
import ai.letta.code.testkit.script.TurnScript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The chat-completions rendering of scripted turns, at the HTTP level (offline-peers.md §4.5–4.6). */
class FakeModelEndpointTest {

    private static final String USER_TURN = """
            {"model":"fake-model","stream":true,"stream_options":{"include_usage":true},\
            "messages":[{"role":"system","content":"You are Patch. PERSONA"},\
            {"role":"user","content":[{"type":"text","text":"<system-reminder>tool tool</system-reminder>"},\
            {"type":"text","text":"ping"}]}],\
            "tools":[{"type":"function","function":{"name":"Bash","parameters":{"type":"object",\
            "properties":{"command":{"type":"string"},"description":{"type":"string"}}}}}]}""";
    private static final String TOOL_RESULT = """
            {"model":"fake-model-2","stream":true,"messages":[{"role":"user","content":"ping"},\
            {"role":"assistant","content":null,"tool_calls":[{"id":"call_fake_1","type":"function",\
            "function":{"name":"Bash","arguments":"{}"}}]},\
            {"role":"tool","content":"ok\\nsecond line\\n","tool_call_id":"call_fake_1"}]}""";

    private FakeModelEndpoint model;
    private TestHttp http;

    @BeforeEach
    void start() {
        model = FakeModelEndpoint.builder().model("fake-model").model("fake-model-2").start();
        http = new TestHttp("http://127.0.0.1:" + model.port());
    }

    @AfterEach
    void stop() {
        model.close();
    }

    @Test
    void baseUrlEndsInV1AndModelsAreListedOpenAiStyle() {
        assertThat(model.baseUrl().toString()).isEqualTo("http://127.0.0.1:" + model.port() + "/v1");
        JsonNode list = json(http.get("/v1/models"));

        assertThat(list.path("object").asString()).isEqualTo("list");
        assertThat(list.path("data").valueStream().map(m -> m.path("id").asString()))
                .containsExactly("fake-model", "fake-model-2");
        assertThat(http.get("/api/v0/models").statusCode()).isEqualTo(404);
    }

    @Test
    void toolStepStreamsRoleReasoningToolCallDeltasFinishUsageAndDone() {
        model.enqueue(TurnScript.builder().reasoning("I should run the shell tool.")
                .toolCall("Bash", Map.of("command", "echo ok")).build());

        HttpResponse<String> response = http.post("/v1/chat/completions", USER_TURN);

        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        List<SseFrame.Event> events = SseText.events(response.body());
        assertThat(events).last().isEqualTo(SseFrame.Event.data("[DONE]"));
        List<JsonNode> chunks = events.subList(0, events.size() - 1).stream().map(e -> parse(e.data())).toList();
        assertThat(chunks).extracting(c -> c.path("object").asString()).containsOnly("chat.completion.chunk");
        assertThat(chunks).extracting(c -> c.path("id").asString()).containsOnly("chatcmpl-fake-1");
        assertThat(chunks).extracting(c -> c.path("model").asString()).containsOnly("fake-model");
        assertThat(delta(chunks.get(0)).path("role").asString()).isEqualTo("assistant");
        assertThat(delta(chunks.get(1)).path("reasoning_content").asString()).isEqualTo("I should run the shell tool.");
        JsonNode header = delta(chunks.get(2)).path("tool_calls").path(0);
        assertThat(header.path("id").asString()).isEqualTo("call_fake_1");
        assertThat(header.path("function").path("name").asString()).isEqualTo("Bash");
        assertThat(header.path("function").path("arguments").asString()).isEmpty();
        assertThat(delta(chunks.get(3)).path("tool_calls").path(0).path("function").path("arguments").asString())
                .isEqualTo("{\"command\":\"echo ok\"}");
        assertThat(chunks.get(4).path("choices").path(0).path("finish_reason").asString()).isEqualTo("tool_calls");
        assertThat(chunks.get(5).path("choices").isEmpty()).isTrue();
        assertThat(chunks.get(5).path("usage").path("total_tokens").asInt()).isEqualTo(15);
    }

    @Test
    void toolResultRequestGetsTheNextStepAndTheRequestIsParsed() {
        model.enqueue(TurnScript.builder().toolCall("Bash", Map.of("command", "echo ok"))
                .assistantFrom(r -> "tool said: " + r.toolResult().orElseThrow().firstLine()).build());
        http.post("/v1/chat/completions", USER_TURN);

        String body = http.post("/v1/chat/completions", TOOL_RESULT).body();

        assertThat(body).contains("\"content\":\"tool said: ok\"").contains("\"finish_reason\":\"stop\"");
        TurnRequest first = model.turns().get(0);
        assertThat(first.userText()).isEqualTo("ping");
        assertThat(first.tool("Bash")).isPresent();
        assertThat(model.systemPromptOf(first)).hasValue("You are Patch. PERSONA");
        TurnRequest second = model.turns().get(1);
        assertThat(model.systemPromptOf(second)).isEmpty();
        assertThat(second.model()).isEqualTo("fake-model-2");
        assertThat(second.toolResult()).hasValue(new TurnRequest.ToolResult("call_fake_1", "ok\nsecond line\n", false));
        assertThat(model.chatRequests().get(0).json().path("messages").path(0).path("content").asString())
                .contains("PERSONA");
    }

    @Test
    void clearDropsTheRestOfAnInterruptedScriptAndQueuedOnes() {
        model.enqueue(TurnScript.builder().toolCall("Bash", Map.of("command", "echo ok")).assistant("leftover")
                .build());
        model.enqueue(TurnScript.text("queued"));
        http.post("/v1/chat/completions", USER_TURN);

        model.clear();

        assertThat(model.pendingScripts()).isZero();
        String body = http.post("/v1/chat/completions", TOOL_RESULT).body();
        assertThat(body).doesNotContain("leftover").doesNotContain("queued");
        assertThat(model.turns()).hasSize(2);
    }

    @Test
    void aStallLimitClosesAStalledStreamLikeAnIdleProvider() throws Exception {
        try (FakeModelEndpoint limited = FakeModelEndpoint.builder().stallLimit(Duration.ofMillis(300)).start()) {
            limited.enqueue(TurnScript.builder().reasoning("thinking").stall().build());
            long started = System.nanoTime();

            Throwable outcome = catchThrowable(() -> new TestHttp("http://127.0.0.1:" + limited.port())
                    .postAsync("/v1/chat/completions", USER_TURN).get(5, TimeUnit.SECONDS));

            assertThat(outcome).as("the stream ends without [DONE]: the client sees the connection close")
                    .isNotInstanceOf(TimeoutException.class).isNotNull();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
        model.enqueue(TurnScript.builder().reasoning("held").stall().build());
        assertThat(http.postAsync("/v1/chat/completions", USER_TURN).completeOnTimeout(null, 1, TimeUnit.SECONDS)
                .get()).as("without a limit the stall holds").isNull();
    }

    @Test
    void deterministicResponderAnswersPingWithChunkedPong() {
        String body = http.post("/v1/chat/completions", USER_TURN).body();

        List<JsonNode> chunks = SseText.events(body).stream().filter(e -> !e.data().equals("[DONE]"))
                .map(e -> parse(e.data())).toList();
        assertThat(chunks).extracting(c -> delta(c).path("content").asString(""))
                .containsSubsequence("po", "ng");
        assertThat(chunks).extracting(c -> delta(c).path("reasoning_content").asString(""))
                .contains("thinking about ping");
    }

    @Test
    void errorsUseOpenAiErrorBodies() {
        model.enqueue(TurnScript.builder().httpError(429, "slow down", "rate_limit").build());
        model.enqueue(TurnScript.builder().reasoning("r").error("server_error", "broke").build());

        HttpResponse<String> limited = http.post("/v1/chat/completions", USER_TURN);
        List<SseFrame.Event> failed = SseText.events(http.post("/v1/chat/completions", USER_TURN).body());

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(json(limited).path("error").path("message").asString()).isEqualTo("slow down");
        assertThat(json(limited).path("error").path("code").asString()).isEqualTo("rate_limit");
        assertThat(parse(failed.get(failed.size() - 1).data()).path("error").path("type").asString())
                .isEqualTo("server_error");
        assertThat(failed).noneMatch(e -> e.data().equals("[DONE]"));
    }

    private static JsonNode delta(JsonNode chunk) {
        return chunk.path("choices").path(0).path("delta");
    }
}

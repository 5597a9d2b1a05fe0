package ai.letta.code.transport.cloud.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.conversation.CompactionResult;
import ai.letta.code.api.conversation.ConversationCreate;
import ai.letta.code.api.conversation.ConversationInfo;
import ai.letta.code.api.conversation.ConversationUpdate;
import ai.letta.code.api.conversation.PageRequest;
import ai.letta.code.api.exception.AgentNotFoundException;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.exception.ConversationNotFoundException;
import ai.letta.code.testkit.fakeapi.FakeLettaApi;
import ai.letta.code.testkit.script.TurnScript;
import ai.letta.code.transport.cloud.http.LettaHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import tools.jackson.databind.JsonNode;

class RestConversationsTest {

    private FakeLettaApi fake;
    private LettaHttp http;
    private RestConversations conversations;
    private String agentId;

    @BeforeEach
    void open() {
        fake = FakeLettaApi.start();
        http = ControlPlaneTest.client(fake.baseUrl());
        conversations = new RestConversations(http, new ControlPlane(http));
        agentId = fake.createAgent(Map.of("name", "talker", "memory_blocks",
                List.of(Map.of("label", "skills/review", "value", "how to review"))));
    }

    @AfterEach
    void close() {
        http.close();
        fake.close();
    }

    @Test
    void createdWithOptionsKeepsSummaryModelAndOwnBlockCopies() {
        ConversationInfo created = conversations.create(agentId, ConversationCreate.builder().summary("triage")
                .model("openai/fake-gpt").isolatedBlockLabels(List.of("skills/review")).build());

        assertThat(created.summary()).contains("triage");
        assertThat(created.model()).contains("openai/fake-gpt");
        assertThat(conversations.get(created.id())).isEqualTo(created);
        assertThat(created.extras()).containsKey("in_context_message_ids");
        assertThat((List<?>) created.extras().get("isolated_block_ids")).hasSize(1);
        assertThatThrownBy(() -> conversations.create(agentId, ConversationCreate.builder()
                .isolatedBlockLabels(List.of("nope")).build())).isInstanceOf(AgentNotFoundException.class);
    }

    @Test
    void updateChangesOnlyWhatWasSetAndDeleteRemovesIt() {
        ConversationInfo created = conversations.create(agentId, ConversationCreate.builder().summary("first")
                .model("openai/fake-gpt").build());

        ConversationInfo updated = conversations.update(created.id(), ConversationUpdate.builder().summary("second")
                .build());

        assertThat(updated.summary()).contains("second");
        assertThat(updated.model()).contains("openai/fake-gpt");
        assertThat(conversations.get(created.id()).summary()).contains("second");
        assertThat(fake.requests().stream().filter(r -> r.method().equals("PATCH")).map(r -> r.json().toString()))
                .containsExactly("{\"summary\":\"second\"}");

        conversations.delete(created.id());

        assertThatThrownBy(() -> conversations.get(created.id())).isInstanceOf(ConversationNotFoundException.class);
        assertThatThrownBy(() -> conversations.delete(created.id())).isInstanceOf(ConversationNotFoundException.class)
                .hasMessageContaining(created.id());
        assertThat(conversations.list(agentId, PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void forkCopiesTheHistoryIntoANewConversationThatThenGoesItsOwnWay() {
        ConversationInfo source = conversations.create(agentId);
        turn(source.id(), "hello", "hello back");

        ConversationInfo fork = conversations.fork(source.id());
        turn(fork.id(), "only in the fork", "noted");

        assertThat(fork.id()).isNotEqualTo(source.id());
        assertThat(fork.agentId()).isEqualTo(agentId);
        assertThat(texts(fork.id())).containsSubsequence("hello", "hello back", "only in the fork", "noted");
        assertThat(texts(source.id())).contains("hello back").doesNotContain("only in the fork");
        assertThatThrownBy(() -> conversations.fork("conv-00000000-0000-4000-8000-000000000000"))
                .isInstanceOf(ConversationNotFoundException.class);
    }

    @Test
    void anAgentIdForksItsMainThread() {
        turn(agentId, "on the main thread", "yes");

        ConversationInfo fork = conversations.fork(agentId);

        assertThat(fork.agentId()).isEqualTo(agentId);
        assertThat(texts(fork.id())).contains("on the main thread", "yes");
        assertThat(fake.requests().stream().anyMatch(r -> r.path().equals("/v1/conversations/default/fork")
                && r.queryParameter("agent_id").equals(java.util.Optional.of(agentId)))).isTrue();
    }

    @Test
    void cancelStopsTheActiveRun() throws Exception {
        ConversationInfo conversation = conversations.create(agentId);
        fake.enqueue(conversation.id(), TurnScript.builder().reasoning("thinking forever").stall().build());
        HttpClient client = HttpClient.newHttpClient();
        var stream = client.sendAsync(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/v1/conversations/"
                + conversation.id() + "/messages")).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("{\"messages\":[{\"role\":\"user\",\"content\":\"go\"}]}"))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.discarding());
        try {
            String runId = awaitRunningRun(conversation.id());

            Map<String, Object> answer = conversations.cancel(conversation.id());

            assertThat(answer).containsEntry(runId, "cancelled");
            assertThat(fake.runs()).filteredOn(r -> r.path("id").asString().equals(runId))
                    .extracting(r -> r.path("status").asString()).containsExactly("cancelled");
            assertThat(conversations.cancel(conversation.id())).isEmpty();
        } finally {
            stream.cancel(true);
        }
        assertThatThrownBy(() -> conversations.cancel("conv-00000000-0000-4000-8000-000000000000"))
                .isInstanceOf(ConversationNotFoundException.class);
    }

    @Test
    void compactReportsTheMessagesBeforeAndAfter() {
        ConversationInfo conversation = conversations.create(agentId);
        turn(conversation.id(), "one", "two");
        turn(conversation.id(), "three", "four");

        CompactionResult result = conversations.compact(conversation.id());

        assertThat(result.messagesBefore()).isEqualTo(4);
        assertThat(result.messagesAfter()).isEqualTo(2);
        assertThat(result.summary()).isNotBlank();
        assertThat(((List<?>) conversations.get(conversation.id()).extras().get("in_context_message_ids")))
                .hasSize(2);
        assertThat(conversations.compact(agentId).messagesBefore()).isZero();
    }

    @Test
    void badInputIsRefusedBeforeAnyRequest() {
        List<Executable> calls = List.of(
                () -> conversations.create("conv-1", ConversationCreate.empty()),
                () -> conversations.create(agentId, null),
                () -> conversations.update(agentId, ConversationUpdate.builder().summary("x").build()),
                () -> conversations.update("conv-1/../x", ConversationUpdate.builder().summary("x").build()),
                () -> conversations.update("conv-1", null),
                () -> conversations.delete(" "),
                () -> conversations.delete(agentId),
                () -> conversations.fork("archive-1"),
                () -> conversations.cancel("-x"),
                () -> conversations.compact("conv-1\u0000"),
                () -> ConversationUpdate.builder().build(),
                () -> ConversationCreate.builder().isolatedBlockLabels(List.of("../etc")),
                () -> ConversationCreate.builder().isolatedBlockLabels(List.of("/abs")),
                () -> ConversationCreate.builder().summary(" "));
        int before = fake.requestCount();
        for (Executable call : calls) {
            assertThatThrownBy(call::execute).isInstanceOf(ConfigurationException.class);
        }

        assertThat(fake.requestCount()).isEqualTo(before);
    }

    private void turn(String conversationId, String text, String answer) {
        fake.enqueue(conversationId, TurnScript.text(answer));
        boolean agent = conversationId.startsWith("agent-");
        ai.letta.code.transport.cloud.http.ApiRequest request = (agent
                ? ai.letta.code.transport.cloud.http.ApiRequest.post("v1", "agents", conversationId, "messages")
                : ai.letta.code.transport.cloud.http.ApiRequest.post("v1", "conversations", conversationId,
                        "messages")).body(Map.of("streaming", false, "messages",
                List.of(Map.of("role", "user", "content", text)))).build();
        http.send(request);
    }

    private List<String> texts(String conversationId) {
        return conversations.messages(conversationId, PageRequest.first(100).chronological()).items().stream()
                .flatMap(m -> m.text().stream()).toList();
    }

    private String awaitRunningRun(String conversationId) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode run : fake.runs()) {
                if (conversationId.equals(run.path("conversation_id").asString())
                        && "running".equals(run.path("status").asString())) {
                    return run.path("id").asString();
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no run of " + conversationId + " started within 10 s: " + fake.runs());
    }
}

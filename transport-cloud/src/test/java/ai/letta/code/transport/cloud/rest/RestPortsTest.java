package ai.letta.code.transport.cloud.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.agent.AgentInfo;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.agent.MemoryBlock;
import ai.letta.code.api.agent.SystemPrompt;
import ai.letta.code.api.conversation.ConversationInfo;
import ai.letta.code.api.conversation.MessageRecord;
import ai.letta.code.api.conversation.Page;
import ai.letta.code.api.conversation.PageRequest;
import ai.letta.code.api.exception.AgentNotFoundException;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.exception.ConversationNotFoundException;
import ai.letta.code.api.exception.NotFoundException;
import ai.letta.code.api.model.ModelCatalog;
import ai.letta.code.api.model.ModelEntry;
import ai.letta.code.testkit.fakeapi.FakeLettaApi;
import ai.letta.code.transport.cloud.http.ApiRequest;
import ai.letta.code.transport.cloud.http.LettaHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class RestPortsTest {

    private FakeLettaApi fake;
    private LettaHttp http;
    private RestAgents agents;
    private RestConversations conversations;
    private RestBlocks blocks;

    @BeforeEach
    void open() {
        fake = FakeLettaApi.builder().model(FakeLettaApi.DEFAULT_MODEL, 200_000).model("openai/fake-gpt", 128_000)
                .start();
        http = ControlPlaneTest.client(fake.baseUrl());
        ControlPlane plane = new ControlPlane(http);
        agents = new RestAgents(http, plane);
        conversations = new RestConversations(http, plane);
        blocks = new RestBlocks(http);
    }

    @AfterEach
    void close() {
        http.close();
        fake.close();
    }

    @Test
    void createdAgentIsFetchedWithItsBlocksAndSystemPrompt() {
        String id = agents.create(AgentOptions.builder().name("patch").persona("You are Patch.").human("Ana.")
                .memoryBlock(MemoryBlock.of("notes", "none yet")).systemPrompt(SystemPrompt.custom("Be brief."))
                .description("helper").build());

        AgentInfo agent = agents.get(id);

        assertThat(agent.name()).contains("patch");
        assertThat(agent.description()).contains("helper");
        assertThat(agent.system()).contains("Be brief.");
        assertThat(agent.model()).contains(FakeLettaApi.DEFAULT_MODEL);
        assertThat(agent.tags()).contains("origin:letta-code");
        assertThat(agent.block("persona")).map(MemoryBlock::value).hasValue("You are Patch.");
        assertThat(agent.block("human")).map(MemoryBlock::value).hasValue("Ana.");
        assertThat(agent.block("notes")).map(MemoryBlock::value).hasValue("none yet");
        assertThat(agent.createdAt()).isPresent();
    }

    @Test
    void agentsAreListedNewestFirstAndPaged() {
        String first = agents.create(AgentOptions.builder().name("first").build());
        String second = agents.create(AgentOptions.builder().name("second").build());
        String third = agents.create(AgentOptions.builder().name("third").build());

        Page<AgentInfo> page = agents.list(PageRequest.first(2));
        Page<AgentInfo> rest = agents.list(PageRequest.first(2).startingAfter(page.nextCursor().orElseThrow()));

        assertThat(page.items()).extracting(AgentInfo::id).containsExactly(third, second);
        assertThat(page.hasMore()).isTrue();
        assertThat(rest.items()).extracting(AgentInfo::id).containsExactly(first);
        assertThat(rest.hasMore()).isFalse();
        assertThat(agents.list(PageRequest.first(10).chronological()).items()).extracting(AgentInfo::id)
                .containsExactly(first, second, third);
    }

    @Test
    void deletedAgentIsGoneAndUnknownAgentsAreNotFound() {
        String kept = agents.create(AgentOptions.builder().build());
        String deleted = agents.create(AgentOptions.builder().build());

        agents.delete(deleted);

        assertThatThrownBy(() -> agents.get(deleted)).isInstanceOf(AgentNotFoundException.class)
                .hasMessageContaining(deleted);
        assertThatThrownBy(() -> agents.delete(deleted)).isInstanceOf(AgentNotFoundException.class);
        assertThat(agents.list(PageRequest.first(100)).items()).extracting(AgentInfo::id).contains(kept)
                .doesNotContain(deleted);
    }

    @Test
    void conversationsAreCreatedListedAndFetched() {
        String agentId = agents.create(AgentOptions.builder().build());

        ConversationInfo created = conversations.create(agentId);

        assertThat(created.id()).isNotEqualTo("default").isNotEqualTo(agentId);
        assertThat(created.agentId()).isEqualTo(agentId);
        assertThat(conversations.get(created.id()).agentId()).isEqualTo(agentId);
        assertThat(conversations.list(agentId, PageRequest.first(100)).items()).extracting(ConversationInfo::id)
                .containsExactly(created.id());
        assertThatThrownBy(() -> conversations.get("conv-unknown")).isInstanceOf(ConversationNotFoundException.class);
    }

    @Test
    void anAgentIdNamesItsDefaultConversation() {
        String agentId = agents.create(AgentOptions.builder().build());

        assertThat(conversations.get(agentId)).isEqualTo(new ConversationInfo(agentId, agentId, null, null));
        assertThatThrownBy(() -> conversations.get("agent-unknown")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void messagesArePagedOldestFirstEachOnceAndInOrder() {
        String agentId = agents.create(AgentOptions.builder().build());
        String conversationId = conversations.create(agentId).id();
        for (String word : List.of("first", "second", "third")) {
            say(conversationId, "say " + word);
        }
        List<String> stored = fake.messages(conversationId).stream().map(m -> m.path("id").asString()).distinct()
                .toList();

        List<MessageRecord> all = pageThrough(conversationId);

        assertThat(all).extracting(MessageRecord::id).doesNotHaveDuplicates().containsExactlyElementsOf(stored);
        assertThat(all).extracting(m -> m.text().orElse(null)).filteredOn(t -> t != null && t.startsWith("say "))
                .containsExactly("say first", "say second", "say third");
    }

    @Test
    void messagesOfAnAgentIdAreItsDefaultConversation() {
        String agentId = agents.create(AgentOptions.builder().build());
        say("default", "hello there", agentId);

        List<MessageRecord> all = pageThrough(agentId);

        assertThat(all).extracting(m -> m.text().orElse(null)).contains("hello there");
        assertThat(fake.requests().stream().filter(r -> r.method().equals("GET")
                && r.path().equals("/v1/conversations/default/messages")).findFirst().orElseThrow()
                .queryParameter("agent_id")).hasValue(agentId);
    }

    @Test
    void blocksAreListedFetchedAndUpdated() {
        String agentId = agents.create(AgentOptions.builder().persona("old persona").human("Ana").build());

        assertThat(blocks.list(agentId)).extracting(MemoryBlock::label).containsExactly("persona", "human");
        assertThat(blocks.get(agentId, "persona").value()).isEqualTo("old persona");

        MemoryBlock updated = blocks.update(agentId, "persona", "new persona");

        assertThat(updated.value()).isEqualTo("new persona");
        assertThat(blocks.get(agentId, "persona").value()).isEqualTo("new persona");
        assertThat(fake.agent(agentId).orElseThrow().path("memory").path("blocks").get(0).path("value").asString())
                .isEqualTo("new persona");
        assertThatThrownBy(() -> blocks.get(agentId, "missing")).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("missing");
        assertThatThrownBy(() -> blocks.list("agent-unknown")).isInstanceOf(AgentNotFoundException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a//b", "/abs", "..", "../persona", "skills/../x", "   ", "bad\nlabel", "tab\tlabel", "nul\u0000"})
    void aLabelThatIsNotAPlainNameIsRefusedBeforeAnyRequest(String label) {
        int before = fake.requestCount();

        assertThatThrownBy(() -> blocks.update("agent-1", label, "v")).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> blocks.get("agent-1", label)).isInstanceOf(ConfigurationException.class);

        assertThat(fake.requestCount()).isEqualTo(before);
    }

    @Test
    void aLabelWithSpacesIsEncodedIntoOneSegment() {
        String agentId = agents.create(AgentOptions.builder().memoryBlock(MemoryBlock.of("my notes", "x")).build());

        assertThat(blocks.get(agentId, "my notes").value()).isEqualTo("x");
        assertThat(fake.requests().get(fake.requestCount() - 1).path())
                .isEqualTo("/v1/agents/" + agentId + "/core-memory/blocks/my notes");
    }

    @Test
    void modelsAreTheServersList() {
        ModelCatalog catalog = new RestModels(http).list();

        assertThat(catalog.entries()).extracting(e -> e.id() + " " + e.handle() + " " + e.provider().orElseThrow()
                        + " " + e.contextWindow().orElseThrow())
                .containsExactly("anthropic/fake-claude anthropic/fake-claude anthropic 200000",
                        "openai/fake-gpt openai/fake-gpt openai 128000");
        // the fields ModelEntry does not name stay reachable, those it names are not repeated
        assertThat(catalog.entries().get(0).extras()).containsEntry("model_endpoint_type", "anthropic")
                .containsEntry("max_context_window", 200000).containsEntry("provider_category", "base")
                .doesNotContainKeys("handle", "display_name", "context_window");
        assertThat(catalog.current()).isEmpty();
        assertThat(fake.requests().get(0).path()).isEqualTo("/v1/models/");
    }

    @Test
    void aModelWithoutAContextWindowHasNone() {
        ModelEntry entry = WireMapping.model(new Wire.Model("openai/x", "x", null, null, null, null, null, null));

        assertThat(entry.contextWindow()).isEmpty();
        assertThat(entry.id()).isEqualTo("openai/x");
        assertThat(entry.provider()).contains("openai");
        assertThat(entry.extras()).isEmpty();
    }

    private List<MessageRecord> pageThrough(String conversationId) {
        List<MessageRecord> all = new ArrayList<>();
        PageRequest request = PageRequest.first(2).chronological();
        for (int pages = 0; pages < 50; pages++) {
            Page<MessageRecord> page = conversations.messages(conversationId, request);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(2);
            all.addAll(page.items());
            if (!page.hasMore()) {
                return all;
            }
            request = request.startingAfter(page.nextCursor().orElseThrow());
        }
        throw new AssertionError("more than 50 pages");
    }

    private void say(String conversationId, String text) {
        say(conversationId, text, null);
    }

    /** A non-streaming turn, so the fake's history has user and assistant messages. */
    private void say(String conversationId, String text, String agentId) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("messages", List.of(Map.of("type", "message", "role", "user", "content", text)));
        body.put("streaming", false);
        if (agentId != null) {
            body.put("agent_id", agentId);
        }
        http.call(ApiRequest.post("v1", "conversations", conversationId, "messages").body(body).build(),
                JsonNode.class);
    }
}

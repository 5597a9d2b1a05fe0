package ai.letta.code.transport.cloud.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.agent.AgentFilter;
import ai.letta.code.api.agent.AgentInfo;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.agent.AgentUpdate;
import ai.letta.code.api.conversation.PageRequest;
import ai.letta.code.api.exception.AgentNotFoundException;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.model.EmbeddingModel;
import ai.letta.code.testkit.fakeapi.FakeLettaApi;
import ai.letta.code.testkit.script.RecordedRequest;
import ai.letta.code.transport.cloud.http.LettaHttp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RestAgentsTest {

    private FakeLettaApi fake;
    private LettaHttp http;
    private RestAgents agents;

    @BeforeEach
    void open() {
        fake = FakeLettaApi.start();
        http = ControlPlaneTest.client(fake.baseUrl());
        agents = new RestAgents(http, new ControlPlane(http));
    }

    @AfterEach
    void close() {
        http.close();
        fake.close();
    }

    @Test
    void anUpdateSendsOnlyTheSetFieldsAndReturnsTheAgentWithItsBlocks() {
        String id = agents.create(AgentOptions.builder().persona("You are terse.").build());

        AgentInfo updated = agents.update(id, AgentUpdate.builder().name("reviewer").tags(List.of("ci"))
                .metadata(Map.of("team", "platform")).enableSleeptime(false).build());

        JsonNode sent = lastRequest("PATCH").json();
        assertThat(lastRequest("PATCH").path()).isEqualTo("/v1/agents/" + id);
        assertThat(sent.propertyNames()).containsExactly("name", "tags", "metadata", "enable_sleeptime");
        assertThat(sent.path("metadata").path("team").asString()).isEqualTo("platform");
        assertThat(updated.name()).hasValue("reviewer");
        assertThat(updated.tags()).containsExactly("ci");
        assertThat(updated.block("persona")).isPresent();
    }

    @Test
    void anUnknownAgentIsAgentNotFound() {
        assertThatThrownBy(() -> agents.update("agent-missing", AgentUpdate.builder().name("x").build()))
                .isInstanceOf(AgentNotFoundException.class).hasMessageContaining("agent-missing");
    }

    @Test
    void aFilterBecomesTheListsAndTheCountsQuery() {
        String a = agents.create(AgentOptions.builder().name("alpha-one").tags(List.of("x", "y")).build());
        agents.create(AgentOptions.builder().name("beta-two").tags(List.of("x")).build());
        AgentFilter both = AgentFilter.builder().tags(List.of("x", "y"), true).queryText("alpha").build();

        assertThat(agents.list(both, PageRequest.first(5)).items()).extracting(AgentInfo::id).containsExactly(a);
        RecordedRequest list = lastRequest("GET");
        assertThat(list.queryParameters().get("tags")).containsExactly("x", "y");
        assertThat(list.queryParameter("match_all_tags")).hasValue("true");
        assertThat(list.queryParameter("query_text")).hasValue("alpha");
        assertThat(list.queryParameter("limit")).hasValue("5");

        assertThat(agents.count(AgentFilter.builder().tags(List.of("x"), false).build())).isEqualTo(2);
        assertThat(lastRequest("GET").path()).isEqualTo("/v1/agents/count");
        assertThat(agents.count(AgentFilter.builder().name("beta-two").build())).isEqualTo(1);
    }

    @Test
    void embeddingModelsKeepTheFieldsTheRecordDoesNotName() {
        List<EmbeddingModel> models = new RestModels(http).embeddingModels();

        assertThat(models).singleElement().satisfies(m -> {
            assertThat(m.handle()).isEqualTo("openai/text-embedding-3-small");
            assertThat(m.dimensions()).isEqualTo(1536);
            assertThat(m.extras()).containsEntry("embedding_chunk_size", 300).doesNotContainKey("handle");
        });
    }

    @Test
    void badIdsAreRefusedBeforeAnyRequest() {
        int before = fake.requests().size();
        AgentUpdate rename = AgentUpdate.builder().name("x").build();

        assertThatThrownBy(() -> agents.update("", rename)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("agentId");
        assertThatThrownBy(() -> agents.update("block-123", rename)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("agent id");
        assertThatThrownBy(() -> agents.update("agent-1", null)).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> agents.count(null)).isInstanceOf(ConfigurationException.class);
        assertThat(fake.requests()).hasSize(before);
    }

    private RecordedRequest lastRequest(String method) {
        List<RecordedRequest> requests = fake.requests();
        for (int i = requests.size() - 1; i >= 0; i--) {
            if (requests.get(i).method().equals(method)) {
                return requests.get(i);
            }
        }
        throw new AssertionError("no " + method + " request in " + requests);
    }
}

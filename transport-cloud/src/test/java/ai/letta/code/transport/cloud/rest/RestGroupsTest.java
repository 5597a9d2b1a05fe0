package ai.letta.code.transport.cloud.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.agent.AgentUpdate;
import ai.letta.code.api.agent.MemoryBlock;
import ai.letta.code.api.conversation.PageRequest;
import ai.letta.code.api.exception.AgentNotFoundException;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.exception.NotFoundException;
import ai.letta.code.api.group.GroupInfo;
import ai.letta.code.api.group.GroupUpdate;
import ai.letta.code.testkit.fakeapi.FakeLettaApi;
import ai.letta.code.testkit.script.RecordedRequest;
import ai.letta.code.transport.cloud.http.LettaHttp;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Sleep-time groups over the REST client against the fake's real state (issue 16, the seed's frequency call). */
class RestGroupsTest {

    private FakeLettaApi fake;
    private LettaHttp http;
    private RestAgents agents;
    private RestGroups groups;

    @BeforeEach
    void open() {
        fake = FakeLettaApi.start();
        http = ControlPlaneTest.client(fake.baseUrl());
        agents = new RestAgents(http, new ControlPlane(http));
        groups = new RestGroups(http);
    }

    @AfterEach
    void close() {
        http.close();
        fake.close();
    }

    @Test
    void enablingSleeptimeMakesAGroupWhoseFrequencyTheSeedsCallSets() {
        String agent = agents.create(AgentOptions.builder().persona("You are terse.").human("Ada").build());
        assertThat(groups.sleeptimeGroup(agent)).isEmpty();
        assertThat(groups.sharedBlocks(agent)).isEmpty();

        agents.update(agent, AgentUpdate.builder().enableSleeptime(true).build());
        GroupInfo group = groups.sleeptimeGroup(agent).orElseThrow();
        assertThat(group.isSleeptime()).isTrue();
        assertThat(group.managerAgentId()).hasValue(agent);
        assertThat(group.agentIds()).hasSize(1).doesNotContain(agent);
        assertThat(group.sleeptimeAgentFrequency()).hasValue(5);

        GroupInfo updated = groups.update(group.id(), GroupUpdate.builder().sleeptimeFrequency(2).build());
        JsonNode sent = lastRequest("PATCH").json();
        assertThat(lastRequest("PATCH").path()).isEqualTo("/v1/groups/" + group.id());
        assertThat(sent.path("manager_config").path("manager_type").asString()).isEqualTo("sleeptime");
        assertThat(sent.path("manager_config").path("sleeptime_agent_frequency").asInt()).isEqualTo(2);
        assertThat(updated.sleeptimeAgentFrequency()).hasValue(2);
        assertThat(groups.get(group.id()).sleeptimeAgentFrequency()).hasValue(2);

        assertThat(groups.sharedBlocks(agent)).extracting(MemoryBlock::label)
                .containsExactlyInAnyOrder("persona", "human");
        assertThat(groups.listForAgent(group.agentIds().get(0), PageRequest.first(10)).items())
                .containsExactly(updated);
        assertThat(groups.listForAgent(agent, PageRequest.first(10)).items())
                .as("the manager is no member of its group (GET /v1/agents/{id}/groups joins groups_agents)")
                .isEmpty();
        assertThat(lastRequest("GET").path()).isEqualTo("/v1/agents/" + agent + "/groups");
        groups.sleeptimeGroup(agent);
        assertThat(lastRequest("GET").query()).as("the managed group is read from the agent's state")
                .contains("include=agent.managed_group");
        assertThat(groups.list(PageRequest.first(10)).items()).containsExactly(updated);
        assertThat(groups.count()).isEqualTo(1);

        groups.delete(group.id());
        assertThat(groups.sleeptimeGroup(agent)).isEmpty();
        assertThatThrownBy(() -> groups.get(group.id())).isInstanceOf(NotFoundException.class)
                .hasMessageContaining(group.id());
    }

    @Test
    void anUpdateCarriesOnlyWhatWasSetAndAnEmptyOneIsRefused() {
        String agent = agents.create(AgentOptions.builder().build());
        agents.update(agent, AgentUpdate.builder().enableSleeptime(true).build());
        GroupInfo group = groups.sleeptimeGroup(agent).orElseThrow();

        GroupInfo renamed = groups.update(group.id(), GroupUpdate.builder().description("nightly").build());
        assertThat(lastRequest("PATCH").json().propertyNames()).containsExactly("description");
        assertThat(renamed.description()).isEqualTo("nightly");
        assertThat(renamed.sleeptimeAgentFrequency()).hasValue(5);
        assertThatThrownBy(() -> GroupUpdate.builder().build()).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> GroupUpdate.builder().sleeptimeFrequency(0))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("sleeptimeFrequency");
    }

    @Test
    void badIdsAreRefusedBeforeAnyRequestAndUnknownOnesAreTyped() {
        int before = fake.requests().size();
        assertThatThrownBy(() -> groups.get(" ")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("groupId");
        assertThatThrownBy(() -> groups.sleeptimeGroup("agent/../x")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("agentId");
        assertThatThrownBy(() -> groups.update("group-1", null)).isInstanceOf(ConfigurationException.class);
        assertThat(fake.requests()).hasSize(before);

        assertThatThrownBy(() -> groups.sleeptimeGroup("agent-missing")).isInstanceOf(AgentNotFoundException.class)
                .hasMessageContaining("agent-missing");
        assertThatThrownBy(() -> groups.update("group-missing", GroupUpdate.builder().sleeptimeFrequency(3).build()))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("group-missing");
        assertThatThrownBy(() -> groups.delete("group-missing")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aGroupKeepsTheFieldsThisSdkDoesNotModel() {
        String agent = agents.create(AgentOptions.builder().build());
        agents.update(agent, AgentUpdate.builder().enableSleeptime(true).build());
        assertThat(groups.sleeptimeGroup(agent).orElseThrow().extras()).containsEntry("turns_counter", 0)
                .containsKey("shared_block_ids");
    }

    private RecordedRequest lastRequest(String method) {
        List<RecordedRequest> requests = fake.requests();
        for (int i = requests.size() - 1; i >= 0; i--) {
            if (requests.get(i).method().equals(method)) {
                return requests.get(i);
            }
        }
        throw new AssertionError("no " + method + " request");
    }
}

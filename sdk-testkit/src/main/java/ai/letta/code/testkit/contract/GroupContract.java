package ai.letta.code.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.agent.AgentUpdate;
import ai.letta.code.api.agent.MemoryBlock;
import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.conversation.PageRequest;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.exception.UnsupportedFeatureException;
import ai.letta.code.api.group.GroupInfo;
import ai.letta.code.api.group.GroupUpdate;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code client.groups()}, the sleep-time agents: with {@link ContractFeature#LETTA_API} enabling sleep-time on an
 * agent gives it a sleep-time group it manages, whose frequency an update sets and the next read sees, and whose
 * sleep-time agent shares the agent's memory blocks; without it every call throws an
 * {@code UnsupportedFeatureException} naming the cloud backend. Bad input is refused before any request.
 */
public abstract class GroupContract extends ContractSupport {

    /** For the transport's test, which subclasses it with its peer. */
    public GroupContract() {}

    @Test
    void enablingSleeptimeGivesTheAgentAGroupWhoseFrequencyCanBeSet() {
        assumeFeature(ContractFeature.LETTA_API);
        String agentId = newAgent();
        assertThat(client.groups().sleeptimeGroup(agentId)).isEmpty();

        client.agents().update(agentId, AgentUpdate.builder().enableSleeptime(true).build());

        GroupInfo group = client.groups().sleeptimeGroup(agentId).orElseThrow();
        assertThat(group.isSleeptime()).isTrue();
        assertThat(group.managerAgentId()).hasValue(agentId);
        assertThat(group.agentIds()).isNotEmpty().doesNotContain(agentId);
        client.groups().update(group.id(), GroupUpdate.builder().sleeptimeFrequency(2).build());
        assertThat(client.groups().get(group.id()).sleeptimeAgentFrequency()).hasValue(2);
        // The groups of an agent are those it is a member of: the sleep-time agent's, not the manager's.
        assertThat(client.groups().listForAgent(group.agentIds().get(0), PageRequest.first(10)).items())
                .extracting(GroupInfo::id).contains(group.id());
        assertThat(client.groups().listForAgent(agentId, PageRequest.first(10)).items()).extracting(GroupInfo::id)
                .doesNotContain(group.id());
        assertThat(client.groups().sharedBlocks(agentId)).extracting(MemoryBlock::label).contains("persona");
    }

    @Test
    void badInputIsRefusedBeforeAnyRequest() {
        assumeFeature(ContractFeature.LETTA_API);
        assertThatThrownBy(() -> client.groups().get(" ")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("groupId");
        assertThatThrownBy(() -> client.groups().sleeptimeGroup("agent-1/../x"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("agentId");
        assertThatThrownBy(() -> GroupUpdate.builder().sleeptimeFrequency(0))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("sleeptimeFrequency");
    }

    @Test
    void withoutTheLettaApiGroupsNameTheCloudBackend() {
        Assumptions.assumeFalse(has(ContractFeature.LETTA_API), "the peer offers the Letta API; scenario skipped");
        String agentId = newAgent();
        assertThatThrownBy(() -> client.groups().sleeptimeGroup(agentId))
                .isInstanceOfSatisfying(UnsupportedFeatureException.class,
                        e -> assertThat(e.supportedBy()).contains(BackendKind.CLOUD));
    }
}

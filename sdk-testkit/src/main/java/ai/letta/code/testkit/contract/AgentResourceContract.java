package ai.letta.code.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.agent.AgentFilter;
import ai.letta.code.api.agent.AgentInfo;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.agent.AgentUpdate;
import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.conversation.PageRequest;
import ai.letta.code.api.exception.AgentNotFoundException;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.exception.UnsupportedFeatureException;
import ai.letta.code.api.model.EmbeddingModel;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code client.agents()} and {@code client.models()} beyond create/get/list/delete: with
 * {@link ContractFeature#LETTA_API} an agent is changed ({@code AgentUpdate}: what one call writes the next
 * reads), found and counted by name, name search and tags, and the embedding models are listed; without it
 * {@code update} and {@code embeddingModels} throw an {@code UnsupportedFeatureException} naming the cloud
 * backend. Bad input is refused before any request. Names and tags are unique per test.
 */
public abstract class AgentResourceContract extends ContractSupport {

    @Test
    void anUpdateIsWhatTheNextReadSees() {
        assumeFeature(ContractFeature.LETTA_API);
        String agentId = newAgent();
        String name = unique("renamed");

        AgentInfo updated = client.agents().update(agentId, AgentUpdate.builder().name(name)
                .description("reviews pull requests").tags(List.of("contract", name)).build());

        assertThat(updated.name()).hasValue(name);
        AgentInfo read = client.agents().get(agentId);
        assertThat(read.name()).hasValue(name);
        assertThat(read.description()).hasValue("reviews pull requests");
        assertThat(read.tags()).contains("contract", name);
        assertThat(read.block("persona")).isPresent();
    }

    @Test
    void agentsAreFoundAndCountedByNameSearchAndTags() {
        assumeFeature(ContractFeature.LETTA_API);
        String tag = unique("tag");
        String first = client.agents().create(AgentOptions.builder().name(tag + "-alpha").tags(List.of(tag, "a"))
                .build());
        String second = client.agents().create(AgentOptions.builder().name(tag + "-beta").tags(List.of(tag))
                .build());

        assertThat(client.agents().list(AgentFilter.builder().name(tag + "-beta").build(), PageRequest.first(10))
                .items()).extracting(AgentInfo::id).containsExactly(second);
        assertThat(client.agents().list(AgentFilter.builder().queryText(tag).build(), PageRequest.first(10))
                .items()).extracting(AgentInfo::id).containsExactlyInAnyOrder(first, second);
        assertThat(client.agents().count(AgentFilter.builder().tags(List.of(tag), false).build())).isEqualTo(2);
        assertThat(client.agents().count(AgentFilter.builder().tags(List.of(tag, "a"), true).build())).isEqualTo(1);

        client.agents().delete(first);

        assertThat(client.agents().count(AgentFilter.builder().tags(List.of(tag), false).build())).isEqualTo(1);
        assertThat(client.agents().count(AgentFilter.all())).isPositive();
    }

    @Test
    void anUnknownAgentCannotBeUpdated() {
        assumeFeature(ContractFeature.LETTA_API);
        assertThatThrownBy(() -> client.agents().update("agent-00000000-0000-4000-8000-000000000000",
                AgentUpdate.builder().name("x").build())).isInstanceOf(AgentNotFoundException.class);
    }

    @Test
    void embeddingModelsAreListedWithHandlesAndDimensions() {
        assumeFeature(ContractFeature.LETTA_API);
        List<EmbeddingModel> models = client.models().embeddingModels();

        assertThat(models).isNotEmpty().allSatisfy(m -> {
            assertThat(m.name()).isNotBlank();
            assertThat(m.dimensions()).isPositive();
        });
    }

    @Test
    void badInputIsRefusedBeforeAnyRequest() {
        assumeFeature(ContractFeature.LETTA_API);
        AgentUpdate rename = AgentUpdate.builder().name("x").build();
        assertThatThrownBy(() -> client.agents().update(" ", rename)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("agentId");
        assertThatThrownBy(() -> client.agents().update("conv-1234", rename))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("agentId");
        assertThatThrownBy(() -> AgentUpdate.builder().build()).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> AgentUpdate.builder().blockIds(List.of("tool-1")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("AgentUpdate.blockIds");
        assertThatThrownBy(() -> AgentFilter.builder().queryText(""))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("AgentFilter.queryText");
        assertThatThrownBy(() -> PageRequest.first(-1)).isInstanceOf(ConfigurationException.class);
    }

    @Test
    void withoutTheLettaApiUpdatesAndEmbeddingModelsNameTheCloudBackend() {
        Assumptions.assumeFalse(has(ContractFeature.LETTA_API), "the peer offers the Letta API; scenario skipped");
        String agentId = newAgent();
        assertThatThrownBy(() -> client.agents().update(agentId, AgentUpdate.builder().name("x").build()))
                .isInstanceOfSatisfying(UnsupportedFeatureException.class,
                        e -> assertThat(e.supportedBy()).contains(BackendKind.CLOUD));
        assertThatThrownBy(() -> client.models().embeddingModels())
                .isInstanceOfSatisfying(UnsupportedFeatureException.class,
                        e -> assertThat(e.supportedBy()).contains(BackendKind.CLOUD));
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}

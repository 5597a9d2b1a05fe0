package ai.letta.code.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.agent.AgentFile;
import ai.letta.code.api.agent.AgentFilter;
import ai.letta.code.api.agent.AgentInfo;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.agent.AgentUpdate;
import ai.letta.code.api.agent.BlockCreate;
import ai.letta.code.api.agent.ContextWindow;
import ai.letta.code.api.agent.ImportOptions;
import ai.letta.code.api.agent.MemoryBlock;
import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.conversation.PageRequest;
import ai.letta.code.api.exception.AgentNotFoundException;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.exception.UnsupportedFeatureException;
import ai.letta.code.api.model.EmbeddingModel;
import ai.letta.code.api.tool.ToolCreate;
import ai.letta.code.api.tool.ToolInfo;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code client.agents()} and {@code client.models()} beyond create/get/list/delete: with
 * {@link ContractFeature#LETTA_API} an agent is changed ({@code AgentUpdate}: what one call writes the next
 * reads), found and counted by name, name search and tags, and the embedding models are listed; without it
 * {@code update} and {@code embeddingModels} throw an {@code UnsupportedFeatureException} naming the cloud
 * backend. With it too, an agent is created with the Letta API's own create fields (existing blocks and tools,
 * metadata, sleep-time, a context window limit) and reads them back, is exported and imported back with its blocks,
 * and shows a sane context window; without it those options and calls are refused naming the cloud backend,
 * before any agent is made. Bad input is refused before any request. Names and tags are unique per test.
 */
public abstract class AgentResourceContract extends ContractSupport {

    /** For the transport's test, which subclasses it with its peer. */
    public AgentResourceContract() {}

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

    @Test
    void theLettaApiCreateFieldsAreWhatTheAgentIsReadBackWith() {
        assumeFeature(ContractFeature.LETTA_API);
        MemoryBlock team = client.blocks().create(BlockCreate.builder("team", "We ship on Fridays.").build());
        String toolName = unique("roll").replace('-', '_');
        ToolInfo tool = client.tools().create(ToolCreate.builder("def " + toolName + "() -> int:\n    \"\"\"Roll a "
                + "die.\"\"\"\n    return 4\n").build());

        String agentId = client.agents().create(AgentOptions.builder().persona("You are terse.")
                .blockId(team.id().orElseThrow()).tool(toolName).metadata(Map.of("team", "core", "level", 3))
                .enableSleeptime(true).contextWindowLimit(16000).build());

        AgentInfo agent = client.agents().get(agentId);
        assertThat(agent.block("team").map(MemoryBlock::value)).hasValue("We ship on Fridays.");
        assertThat(agent.block("persona")).isPresent();
        assertThat(agent.metadata()).containsEntry("team", "core").containsEntry("level", 3);
        assertThat(agent.sleeptimeEnabled()).hasValue(true);
        assertThat(client.tools().listForAgent(agentId, PageRequest.first(20)).items()).extracting(ToolInfo::id)
                .contains(tool.id());
        assertThat(client.groups().sleeptimeGroup(agentId)).isPresent();
        assertThat(client.agents().contextWindow(agentId).maxTokens()).isEqualTo(16000);
    }

    @Test
    void anExportedAgentIsImportedBackWithItsBlocks() {
        assumeFeature(ContractFeature.LETTA_API);
        String name = unique("exported");
        String agentId = client.agents().create(AgentOptions.builder().name(name).persona("You are Patch.")
                .human("Ana likes tea.").memoryBlock(MemoryBlock.of("notes", "none yet")).build());

        AgentFile file = client.agents().exportAgent(agentId);
        List<String> imported = client.agents().importAgent(AgentFile.of(file.json()),
                ImportOptions.builder().name(name + "-copy").build());

        assertThat(imported).hasSize(1).doesNotContain(agentId);
        AgentInfo copy = client.agents().get(imported.get(0));
        assertThat(copy.name()).hasValue(name + "-copy");
        assertThat(copy.blocks()).extracting(MemoryBlock::label).contains("persona", "human", "notes");
        assertThat(copy.block("human").map(MemoryBlock::value)).hasValue("Ana likes tea.");
        assertThat(copy.block("notes").map(MemoryBlock::value)).hasValue("none yet");
        assertThat(client.agents().get(agentId).block("human")).isPresent();
    }

    @Test
    void theContextWindowIsSane() {
        assumeFeature(ContractFeature.LETTA_API);
        String agentId = newAgent();

        ContextWindow window = client.agents().contextWindow(agentId);

        assertThat(window.maxTokens()).isPositive();
        assertThat(window.currentTokens()).isNotNegative().isLessThanOrEqualTo(window.maxTokens());
        assertThat(window.systemTokens() + window.coreMemoryTokens() + window.toolTokens())
                .isLessThanOrEqualTo(window.currentTokens());
        assertThat(window.freeTokens()).isEqualTo(window.maxTokens() - window.currentTokens());
    }

    @Test
    void withoutTheLettaApiItsCreateFieldsAndAgentFilesNameTheCloudBackend() {
        Assumptions.assumeFalse(has(ContractFeature.LETTA_API), "the peer offers the Letta API; scenario skipped");
        int agents = client.agents().list(PageRequest.first(100)).items().size();
        Map<String, AgentOptions> refused = Map.of(
                "AgentOptions.blockIds", AgentOptions.builder().blockId("block-00000000-0000-4000-8000-000000000000")
                        .build(),
                "AgentOptions.tools", AgentOptions.builder().tool("web_search").build(),
                "AgentOptions.metadata", AgentOptions.builder().metadata(Map.of("team", "core")).build(),
                "AgentOptions.enableSleeptime", AgentOptions.builder().enableSleeptime(true).build());
        refused.forEach((field, options) -> assertThatThrownBy(() -> client.agents().create(options))
                .as(field).isInstanceOfSatisfying(UnsupportedFeatureException.class, e -> {
                    assertThat(e.feature()).contains(field);
                    assertThat(e.supportedBy()).contains(BackendKind.CLOUD);
                }));
        assertThat(client.agents().list(PageRequest.first(100)).items()).as("no agent was made").hasSize(agents);

        String agentId = newAgent();
        List<Runnable> calls = List.of(() -> client.agents().exportAgent(agentId),
                () -> client.agents().importAgent(AgentFile.of("{\"agents\": []}")),
                () -> client.agents().contextWindow(agentId));
        for (Runnable call : calls) {
            assertThatThrownBy(call::run).isInstanceOfSatisfying(UnsupportedFeatureException.class,
                    e -> assertThat(e.supportedBy()).contains(BackendKind.CLOUD));
        }
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}

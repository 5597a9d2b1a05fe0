package ai.letta.code.transport.local.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.agent.AgentFile;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.exception.UnsupportedFeatureException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * No flag of the CLI carries the Letta API's own create fields, so the local backend refuses each by name before
 * it spawns the {@code --new-agent} process, and names the cloud backend for export, import and the context window.
 */
class LocalAgentOptionsTest {

    private final List<AgentOptions> spawned = new ArrayList<>();
    private final LocalAgents agents = new LocalAgents(options -> {
        spawned.add(options);
        return LocalAgents.LOCAL_AGENT_PREFIX + "1";
    }, () -> {
        throw new AssertionError("no subcommand expected");
    }, () -> {
        throw new AssertionError("no agent files expected");
    }, Optional::empty);

    @Test
    void eachLettaApiCreateFieldIsRefusedBeforeTheProcessIsSpawned() {
        Map<String, AgentOptions> refused = Map.of(
                "AgentOptions.blockIds", AgentOptions.builder().blockId("block-1").build(),
                "AgentOptions.tools", AgentOptions.builder().tool("web_search").build(),
                "AgentOptions.toolIds", AgentOptions.builder().toolId("tool-1").build(),
                "AgentOptions.metadata", AgentOptions.builder().metadata(Map.of("a", 1)).build(),
                "AgentOptions.enableSleeptime", AgentOptions.builder().enableSleeptime(true).build(),
                "AgentOptions.contextWindowLimit", AgentOptions.builder().contextWindowLimit(8000).build());
        refused.forEach((field, options) -> assertThatThrownBy(() -> agents.create(options))
                .as(field).isInstanceOfSatisfying(UnsupportedFeatureException.class, e -> {
                    assertThat(e.feature()).isEqualTo("createAgent with " + field);
                    assertThat(e.supportedBy()).contains(BackendKind.CLOUD).doesNotContain(BackendKind.LOCAL);
                    assertThat(e).hasMessageContaining("local backend");
                }));
        assertThat(spawned).isEmpty();

        assertThat(agents.create(AgentOptions.builder().model("anthropic/claude-sonnet-4").build()))
                .startsWith(LocalAgents.LOCAL_AGENT_PREFIX);
        assertThat(spawned).hasSize(1);
    }

    @Test
    void agentFilesTheContextWindowAndUpdatesNameTheCloudBackend() {
        for (Executable call : List.<Executable>of(() -> agents.exportAgent("agent-1"),
                () -> agents.importAgent(AgentFile.of("{\"agents\": []}")), () -> agents.contextWindow("agent-1"),
                () -> agents.count(null))) {
            assertThatThrownBy(call::execute).isInstanceOfSatisfying(UnsupportedFeatureException.class,
                    e -> assertThat(e.supportedBy()).containsExactly(BackendKind.CLOUD));
        }
    }
}

package ai.letta.code.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.agent.AgentFile;
import ai.letta.code.api.agent.AgentInfo;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.agent.Agents;
import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.conversation.Page;
import ai.letta.code.api.conversation.PageRequest;
import ai.letta.code.api.exception.UnsupportedFeatureException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AgentsWithoutLettaApiTest {

    /** A backend that records what it created and honours the context window limit. */
    static final class Recording extends AgentsWithoutLettaApi {
        final List<AgentOptions> created = new ArrayList<>();

        Recording() {
            super(BackendKind.REMOTE);
        }

        @Override
        public String create(AgentOptions options) {
            created.add(refuseUnsupported(options, Set.of(ApiOption.CONTEXT_WINDOW_LIMIT)));
            return "agent-1";
        }

        @Override
        public AgentInfo get(String agentId) {
            return null;
        }

        @Override
        public Page<AgentInfo> list(PageRequest page) {
            return null;
        }

        @Override
        public void delete(String agentId) {
        }
    }

    @Test
    void eachLettaApiOptionIsRefusedByNameBeforeTheCreate() {
        Recording agents = new Recording();
        Map<String, AgentOptions> refused = Map.of(
                "AgentOptions.blockIds", AgentOptions.builder().blockId("block-1").build(),
                "AgentOptions.tools", AgentOptions.builder().tool("web_search").build(),
                "AgentOptions.toolIds", AgentOptions.builder().toolId("tool-1").build(),
                "AgentOptions.metadata", AgentOptions.builder().metadata(Map.of("a", 1)).build(),
                "AgentOptions.enableSleeptime", AgentOptions.builder().enableSleeptime(true).build());
        refused.forEach((field, options) -> assertThatThrownBy(() -> agents.create(options))
                .isInstanceOfSatisfying(UnsupportedFeatureException.class, e -> {
                    assertThat(e.feature()).isEqualTo("createAgent with " + field);
                    assertThat(e.supportedBy()).containsExactly(BackendKind.CLOUD);
                    assertThat(e).hasMessageContaining("remote backend").hasMessageContaining("Backend.cloud");
                }));
        assertThat(agents.created).isEmpty();

        agents.create(AgentOptions.builder().contextWindowLimit(8000).persona("p").build());
        assertThat(agents.created).hasSize(1);
    }

    @Test
    void theLettaApiCallsNameTheCloudBackend() {
        Agents agents = new Recording();
        List<Runnable> calls = List.of(() -> agents.exportAgent("agent-1"),
                () -> agents.importAgent(AgentFile.of("{}")), () -> agents.contextWindow("agent-1"),
                () -> agents.count(null));
        for (Runnable call : calls) {
            assertThatThrownBy(call::run).isInstanceOfSatisfying(UnsupportedFeatureException.class, e -> {
                assertThat(e.feature()).startsWith("agents().");
                assertThat(e.supportedBy()).containsExactly(BackendKind.CLOUD);
            });
        }
    }

    @Test
    void theContextWindowLimitIsOfferedByTheAppServerToo() {
        assertThat(AgentsWithoutLettaApi.ApiOption.CONTEXT_WINDOW_LIMIT.offeredBy())
                .containsExactlyInAnyOrder(BackendKind.CLOUD, BackendKind.REMOTE);
        assertThat(AgentsWithoutLettaApi.ApiOption.BLOCK_IDS.offeredBy()).containsExactly(BackendKind.CLOUD);
    }
}

package ai.letta.code.transport.local.control;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.agent.BlockCreate;
import ai.letta.code.api.agent.BlockFilter;
import ai.letta.code.api.agent.BlockUpdate;
import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.conversation.PageRequest;
import ai.letta.code.api.exception.UnsupportedFeatureException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The local backend names who offers each block call: an agent's blocks remote and cloud, the rest cloud only. */
class LocalBlocksTest {

    private final LocalBlocks blocks = new LocalBlocks();

    @Test
    void anAgentsBlocksNameTheRemoteAndCloudBackends() {
        for (Executable call : List.<Executable>of(() -> blocks.list("agent-1"), () -> blocks.get("agent-1", "persona"),
                () -> blocks.update("agent-1", "persona", "v"),
                () -> blocks.update("agent-1", "persona", BlockUpdate.value("v")))) {
            assertThatThrownBy(call::execute).isInstanceOfSatisfying(UnsupportedFeatureException.class,
                    e -> org.assertj.core.api.Assertions.assertThat(e.supportedBy())
                            .isEqualTo(Set.of(BackendKind.REMOTE, BackendKind.CLOUD)));
        }
    }

    @Test
    void theLettaApiBlockCallsNameTheCloudBackendOnly() {
        for (Executable call : List.<Executable>of(() -> blocks.create(BlockCreate.builder("team", "v").build()),
                () -> blocks.get("block-1"), () -> blocks.update("block-1", BlockUpdate.value("v")),
                () -> blocks.delete("block-1"), () -> blocks.attach("agent-1", "block-1"),
                () -> blocks.detach("agent-1", "block-1"), () -> blocks.list(BlockFilter.all(), PageRequest.first(1)),
                () -> blocks.count(BlockFilter.all()))) {
            assertThatThrownBy(call::execute).isInstanceOfSatisfying(UnsupportedFeatureException.class,
                    e -> org.assertj.core.api.Assertions.assertThat(e.supportedBy())
                            .containsExactly(BackendKind.CLOUD));
        }
    }
}

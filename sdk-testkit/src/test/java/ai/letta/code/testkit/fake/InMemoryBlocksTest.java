package ai.letta.code.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.agent.BlockCreate;
import ai.letta.code.api.agent.BlockFilter;
import ai.letta.code.api.agent.BlockUpdate;
import ai.letta.code.api.agent.MemoryBlock;
import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.conversation.PageRequest;
import ai.letta.code.api.exception.UnsupportedFeatureException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The fake's blocks: an agent's core memory takes a {@code BlockUpdate}; the Letta API's block calls name cloud. */
class InMemoryBlocksTest {

    private final InMemoryTransport fake = new InMemoryTransport();

    @AfterEach
    void close() {
        fake.close();
    }

    @Test
    void aBlockUpdateChangesOnlyThePartsItSetsAndReachesTheSystemPrompt() {
        String id = fake.agents().create(AgentOptions.builder().persona("P-1").build());

        MemoryBlock updated = fake.blocks().update(id, "persona", BlockUpdate.builder().limit(300)
                .description("who").build());

        assertThat(updated.value()).isEqualTo("P-1");
        assertThat(updated.limit()).hasValue(300);
        assertThat(updated.description()).hasValue("who");
        assertThat(fake.blocks().update(id, "persona", BlockUpdate.value("P-2")).limit()).hasValue(300);
        assertThat(fake.blocks().get(id, "persona").description()).hasValue("who");
        assertThat(fake.agents().get(id).system().orElseThrow()).contains("P-2");
        assertThatThrownBy(() -> fake.blocks().update(id, "persona", BlockUpdate.builder().tags(List.of("t"))
                .build())).isInstanceOf(UnsupportedFeatureException.class);
        assertThat(fake.blocks().get(id, "persona").tags()).isEmpty();
    }

    @Test
    void theLettaApiBlockCallsNameTheCloudBackend() {
        String id = fake.agents().create(AgentOptions.builder().persona("P-1").build());
        List<Executable> calls = List.of(
                () -> fake.blocks().create(BlockCreate.builder("team", "v").metadata(Map.of()).build()),
                () -> fake.blocks().get("block-1"), () -> fake.blocks().update("block-1", BlockUpdate.value("v")),
                () -> fake.blocks().delete("block-1"), () -> fake.blocks().attach(id, "block-1"),
                () -> fake.blocks().detach(id, "block-1"),
                () -> fake.blocks().list(BlockFilter.all(), PageRequest.first(1)),
                () -> fake.blocks().count(BlockFilter.all()));
        for (Executable call : calls) {
            assertThatThrownBy(call::execute).isInstanceOfSatisfying(UnsupportedFeatureException.class, e -> {
                assertThat(e.supportedBy()).containsExactly(BackendKind.CLOUD);
                assertThat(e.getMessage()).contains("blocks()");
            });
        }
        assertThat(fake.blocks().list(id)).extracting(MemoryBlock::label).containsExactly("persona");
    }
}

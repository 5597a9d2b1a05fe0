package ai.letta.code.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.agent.BlockCreate;
import ai.letta.code.api.agent.BlockFilter;
import ai.letta.code.api.agent.BlockUpdate;
import ai.letta.code.api.agent.MemoryBlock;
import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.conversation.PageRequest;
import ai.letta.code.api.exception.NotFoundException;
import ai.letta.code.api.exception.UnsupportedFeatureException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * {@code client.blocks()} beyond an agent's core memory by label: with {@link ContractFeature#LETTA_API} a
 * standalone block is created, read, found by label and search, counted, updated, shared by attaching it to two
 * agents (a change reaches both), detached and deleted, and an agent's block takes a {@code BlockUpdate} (limit,
 * description); without it the standalone calls, attach, detach and count throw an
 * {@code UnsupportedFeatureException} naming the cloud backend. Labels are unique per test.
 */
public abstract class BlockContract extends ContractSupport {

    /** For the transport's test, which subclasses it with its peer. */
    public BlockContract() {}

    @Test
    void aStandaloneBlockIsCreatedFoundUpdatedAndDeleted() {
        assumeFeature(ContractFeature.LETTA_API);
        String label = uniqueLabel();
        MemoryBlock created = client.blocks().create(BlockCreate.builder(label, "We ship on Fridays.")
                .description("release days").build());
        String id = created.id().orElseThrow(() -> new AssertionError("a created block has no id: " + created));

        assertThat(client.blocks().get(id).value()).isEqualTo("We ship on Fridays.");
        assertThat(client.blocks().list(BlockFilter.label(label), PageRequest.first(10)).items())
                .extracting(b -> b.id().orElseThrow()).containsExactly(id);
        assertThat(client.blocks().count(BlockFilter.label(label))).isEqualTo(1);
        List<String> everyBlock = new ArrayList<>();
        client.blocks().list(BlockFilter.all(), PageRequest.first(2)).autoPager()
                .forEach(b -> everyBlock.add(b.id().orElseThrow()));
        assertThat(everyBlock).contains(id).doesNotHaveDuplicates();

        MemoryBlock updated = client.blocks().update(id, BlockUpdate.value("We ship on Thursdays."));

        assertThat(updated.value()).isEqualTo("We ship on Thursdays.");
        assertThat(client.blocks().get(id).description()).hasValue("release days");

        client.blocks().delete(id);

        assertThatThrownBy(() -> client.blocks().get(id)).isInstanceOf(NotFoundException.class);
        assertThat(client.blocks().count(BlockFilter.label(label))).isZero();
    }

    @Test
    void aSharedBlockReachesEveryAgentItIsAttachedTo() {
        assumeFeature(ContractFeature.LETTA_API);
        String first = newAgent();
        String second = newAgent();
        String label = uniqueLabel();
        String id = client.blocks().create(BlockCreate.builder(label, "v1").build()).id().orElseThrow();

        client.blocks().attach(first, id);
        client.blocks().attach(second, id);
        client.blocks().update(id, BlockUpdate.value("v2"));

        assertThat(client.blocks().get(first, label).value()).isEqualTo("v2");
        assertThat(client.blocks().get(second, label).value()).isEqualTo("v2");

        client.blocks().detach(first, id);

        assertThat(client.blocks().list(first)).extracting(MemoryBlock::label).doesNotContain(label);
        assertThat(client.blocks().list(second)).extracting(MemoryBlock::label).contains(label);
        client.blocks().delete(id);
    }

    @Test
    void anAgentsBlockTakesABlockUpdate() {
        assumeFeature(ContractFeature.LETTA_API);
        String agentId = newAgent();

        MemoryBlock updated = client.blocks().update(agentId, "persona", BlockUpdate.builder().limit(5000)
                .description("who the agent is").build());

        assertThat(updated.limit()).hasValue(5000);
        assertThat(updated.value()).isEqualTo("You are a contract-test agent.");
        assertThat(client.blocks().get(agentId, "persona").description()).hasValue("who the agent is");
    }

    @Test
    void withoutTheLettaApiStandaloneBlocksNameTheCloudBackend() {
        Assumptions.assumeFalse(has(ContractFeature.LETTA_API), "the peer offers the Letta API; scenario skipped");
        String agentId = newAgent();
        List<ThrowingConsumer<Void>> calls = List.of(
                v -> client.blocks().create(BlockCreate.builder("team", "v").build()),
                v -> client.blocks().get("block-contract"),
                v -> client.blocks().update("block-contract", BlockUpdate.value("v")),
                v -> client.blocks().delete("block-contract"),
                v -> client.blocks().list(BlockFilter.all(), PageRequest.first(10)),
                v -> client.blocks().count(BlockFilter.all()),
                v -> client.blocks().attach(agentId, "block-contract"),
                v -> client.blocks().detach(agentId, "block-contract"));
        for (ThrowingConsumer<Void> call : calls) {
            assertThatThrownBy(() -> call.accept(null)).isInstanceOfSatisfying(UnsupportedFeatureException.class,
                    e -> assertThat(e.supportedBy()).contains(BackendKind.CLOUD));
        }
    }

    private static String uniqueLabel() {
        return "contract-" + UUID.randomUUID().toString().substring(0, 8);
    }
}

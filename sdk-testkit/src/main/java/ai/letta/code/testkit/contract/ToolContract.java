package ai.letta.code.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.conversation.PageRequest;
import ai.letta.code.api.exception.NotFoundException;
import ai.letta.code.api.exception.UnsupportedFeatureException;
import ai.letta.code.api.tool.ToolCreate;
import ai.letta.code.api.tool.ToolFilter;
import ai.letta.code.api.tool.ToolInfo;
import ai.letta.code.api.tool.ToolSearch;
import ai.letta.code.api.tool.ToolUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * {@code client.tools()}: with {@link ContractFeature#LETTA_API} a tool made from source is read back, found by
 * name, search and count, updated, attached to an agent, switched to need approval, detached and deleted, each
 * change seen by the next call; without it every call throws an {@code UnsupportedFeatureException} naming the
 * cloud backend. Tool names are unique per test, so a peer shared between tests never conflicts.
 */
public abstract class ToolContract extends ContractSupport {

    /** For the transport's test, which subclasses it with its peer. */
    public ToolContract() {}

    @Test
    void aToolIsCreatedFoundUpdatedAndDeleted() {
        assumeFeature(ContractFeature.LETTA_API);
        String name = uniqueName("roll");
        ToolInfo created = client.tools().create(ToolCreate.builder(source(name)).description("Roll a die for "
                + name).tags(List.of("contract")).build());

        assertThat(created.name()).hasValue(name);
        assertThat(client.tools().get(created.id()).sourceCode()).hasValue(source(name));
        assertThat(client.tools().list(ToolFilter.name(name), PageRequest.first(10)).items())
                .extracting(ToolInfo::id).containsExactly(created.id());
        assertThat(client.tools().count(ToolFilter.name(name))).isEqualTo(1);
        List<String> everyTool = new ArrayList<>();
        client.tools().list(ToolFilter.all(), PageRequest.first(2)).autoPager().forEach(t -> everyTool.add(t.id()));
        assertThat(everyTool).contains(created.id()).doesNotHaveDuplicates();
        assertThat(client.tools().search(ToolSearch.query(name))).extracting(r -> r.tool().id())
                .contains(created.id());

        ToolInfo updated = client.tools().update(created.id(), ToolUpdate.builder().description("Roll two dice")
                .build());

        assertThat(updated.description()).hasValue("Roll two dice");
        assertThat(client.tools().get(created.id()).description()).hasValue("Roll two dice");
        ToolInfo upserted = client.tools().upsert(ToolCreate.builder(source(name)).description("Roll three").build());
        assertThat(upserted.id()).isEqualTo(created.id());

        client.tools().delete(created.id());

        assertThatThrownBy(() -> client.tools().get(created.id())).isInstanceOf(NotFoundException.class);
        assertThat(client.tools().count(ToolFilter.name(name))).isZero();
    }

    @Test
    void aToolIsAttachedSwitchedToNeedApprovalAndDetached() {
        assumeFeature(ContractFeature.LETTA_API);
        String agentId = newAgent();
        String name = uniqueName("flip");
        ToolInfo tool = client.tools().create(ToolCreate.builder(source(name)).build());

        client.tools().attach(agentId, tool.id());

        assertThat(client.tools().listForAgent(agentId, PageRequest.first(100)).items()).extracting(ToolInfo::id)
                .contains(tool.id());
        client.tools().updateApproval(agentId, name, true);
        client.tools().updateApproval(agentId, name, false);

        client.tools().detach(agentId, tool.id());

        assertThat(client.tools().listForAgent(agentId, PageRequest.first(100)).items()).extracting(ToolInfo::id)
                .doesNotContain(tool.id());
        assertThat(client.tools().get(tool.id()).id()).isEqualTo(tool.id());
        client.tools().delete(tool.id());
    }

    @Test
    void withoutTheLettaApiEveryToolCallNamesTheCloudBackend() {
        Assumptions.assumeFalse(has(ContractFeature.LETTA_API), "the peer offers the Letta API; scenario skipped");
        String agentId = newAgent();
        ToolCreate create = ToolCreate.builder(source("roll")).build();
        List<ThrowingConsumer<Void>> calls = List.of(
                v -> client.tools().list(ToolFilter.all(), PageRequest.first(10)),
                v -> client.tools().count(ToolFilter.all()),
                v -> client.tools().get("tool-contract"),
                v -> client.tools().create(create),
                v -> client.tools().upsert(create),
                v -> client.tools().update("tool-contract", ToolUpdate.builder().description("d").build()),
                v -> client.tools().delete("tool-contract"),
                v -> client.tools().search(ToolSearch.query("roll")),
                v -> client.tools().listForAgent(agentId, PageRequest.first(10)),
                v -> client.tools().attach(agentId, "tool-contract"),
                v -> client.tools().detach(agentId, "tool-contract"),
                v -> client.tools().updateApproval(agentId, "roll", true));
        for (ThrowingConsumer<Void> call : calls) {
            assertThatThrownBy(() -> call.accept(null)).isInstanceOfSatisfying(UnsupportedFeatureException.class,
                    e -> assertThat(e.supportedBy()).contains(BackendKind.CLOUD));
        }
    }

    private static String uniqueName(String stem) {
        return stem + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static String source(String name) {
        return "def " + name + "() -> int:\n    \"\"\"A contract-test tool.\"\"\"\n    return 4\n";
    }
}

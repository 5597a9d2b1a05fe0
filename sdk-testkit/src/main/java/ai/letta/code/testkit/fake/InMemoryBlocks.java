package ai.letta.code.testkit.fake;

import ai.letta.code.api.agent.BlockCreate;
import ai.letta.code.api.agent.BlockFilter;
import ai.letta.code.api.agent.BlockUpdate;
import ai.letta.code.api.agent.Blocks;
import ai.letta.code.api.agent.MemoryBlock;
import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.conversation.Page;
import ai.letta.code.api.conversation.PageRequest;
import ai.letta.code.internal.Checks;
import ai.letta.code.spi.Unsupported;
import java.util.List;
import java.util.function.Supplier;

/**
 * The fake's memory blocks, as the Letta Code CLI / app server offer them: an agent's core memory by label (read,
 * and written with a value, a description, a limit or the read-only flag). Standalone blocks by id, attaching
 * and counting are Letta API resources, which the fake does not imitate: they throw naming the cloud backend.
 * Thread-safe (the agents' monitor guards every change).
 */
final class InMemoryBlocks implements Blocks {

    private final InMemoryAgents agents;
    private final Supplier<BackendKind> kind;

    InMemoryBlocks(InMemoryAgents agents, Supplier<BackendKind> kind) {
        this.agents = agents;
        this.kind = kind;
    }

    @Override
    public List<MemoryBlock> list(String agentId) {
        return agents.list(agentId);
    }

    @Override
    public MemoryBlock get(String agentId, String label) {
        return agents.get(agentId, label);
    }

    @Override
    public MemoryBlock update(String agentId, String label, String value) {
        return agents.update(agentId, label, Checks.requireNonNull(value, "block value"), null, null, null);
    }

    @Override
    public MemoryBlock update(String agentId, String label, BlockUpdate update) {
        Checks.requireNonNull(update, "update");
        String part = update.label().isPresent() ? "label" : update.tags().isPresent() ? "tags"
                : update.metadata().isPresent() ? "metadata" : null;
        if (part != null) {
            throw Unsupported.feature("blocks().update(BlockUpdate." + part + ")", kind.get());
        }
        return agents.update(agentId, label, update.value().orElse(null), update.description().orElse(null),
                update.limit().isPresent() ? update.limit().getAsInt() : null, update.readOnly().orElse(null));
    }

    @Override
    public void attach(String agentId, String blockId) {
        throw Unsupported.feature("blocks().attach", kind.get());
    }

    @Override
    public void detach(String agentId, String blockId) {
        throw Unsupported.feature("blocks().detach", kind.get());
    }

    @Override
    public MemoryBlock create(BlockCreate create) {
        throw Unsupported.feature("blocks().create", kind.get());
    }

    @Override
    public MemoryBlock get(String blockId) {
        throw Unsupported.feature("blocks().get(blockId)", kind.get());
    }

    @Override
    public MemoryBlock update(String blockId, BlockUpdate update) {
        throw Unsupported.feature("blocks().update(blockId, BlockUpdate)", kind.get());
    }

    @Override
    public void delete(String blockId) {
        throw Unsupported.feature("blocks().delete", kind.get());
    }

    @Override
    public Page<MemoryBlock> list(BlockFilter filter, PageRequest page) {
        throw Unsupported.feature("blocks().list(BlockFilter, PageRequest)", kind.get());
    }

    @Override
    public int count(BlockFilter filter) {
        throw Unsupported.feature("blocks().count", kind.get());
    }
}

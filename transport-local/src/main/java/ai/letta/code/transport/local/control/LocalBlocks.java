package ai.letta.code.transport.local.control;

import ai.letta.code.api.agent.BlockCreate;
import ai.letta.code.api.agent.BlockFilter;
import ai.letta.code.api.agent.BlockUpdate;
import ai.letta.code.api.agent.Blocks;
import ai.letta.code.api.agent.MemoryBlock;
import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.conversation.Page;
import ai.letta.code.api.conversation.PageRequest;
import ai.letta.code.api.exception.UnsupportedFeatureException;
import ai.letta.code.spi.Unsupported;
import java.util.List;
import java.util.Set;

/**
 * The local backend's memory blocks: the CLI has no subcommand that reads or writes them, so an agent's blocks are
 * the remote and cloud backends' (the app server reads its memory files); standalone blocks by id, attaching and
 * counting are Letta API resources, the cloud backend's. Every call throws; never a silent no-op.
 */
public final class LocalBlocks implements Blocks {

    @Override
    public List<MemoryBlock> list(String agentId) {
        throw agentScoped("list");
    }

    @Override
    public MemoryBlock get(String agentId, String label) {
        throw agentScoped("get");
    }

    @Override
    public MemoryBlock update(String agentId, String label, String value) {
        throw agentScoped("update");
    }

    @Override
    public MemoryBlock update(String agentId, String label, BlockUpdate update) {
        throw agentScoped("update");
    }

    @Override
    public void attach(String agentId, String blockId) {
        throw Unsupported.feature("blocks().attach", BackendKind.LOCAL);
    }

    @Override
    public void detach(String agentId, String blockId) {
        throw Unsupported.feature("blocks().detach", BackendKind.LOCAL);
    }

    @Override
    public MemoryBlock create(BlockCreate create) {
        throw Unsupported.feature("blocks().create", BackendKind.LOCAL);
    }

    @Override
    public MemoryBlock get(String blockId) {
        throw Unsupported.feature("blocks().get(blockId)", BackendKind.LOCAL);
    }

    @Override
    public MemoryBlock update(String blockId, BlockUpdate update) {
        throw Unsupported.feature("blocks().update(blockId, BlockUpdate)", BackendKind.LOCAL);
    }

    @Override
    public void delete(String blockId) {
        throw Unsupported.feature("blocks().delete", BackendKind.LOCAL);
    }

    @Override
    public Page<MemoryBlock> list(BlockFilter filter, PageRequest page) {
        throw Unsupported.feature("blocks().list(BlockFilter, PageRequest)", BackendKind.LOCAL);
    }

    @Override
    public int count(BlockFilter filter) {
        throw Unsupported.feature("blocks().count", BackendKind.LOCAL);
    }

    @Override
    public String toString() {
        return "UnsupportedBlocks";
    }

    private static UnsupportedFeatureException agentScoped(String method) {
        return new UnsupportedFeatureException("memory-block management (" + method + ")", BackendKind.LOCAL,
                Set.of(BackendKind.REMOTE, BackendKind.CLOUD));
    }
}

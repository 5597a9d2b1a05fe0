package ai.letta.code.api.agent;

import ai.letta.code.api.conversation.Page;
import ai.letta.code.api.conversation.PageRequest;
import java.util.List;

/**
 * Memory blocks: an agent's core memory by label, and (on a Letta API server) standalone blocks by id that any
 * number of agents can share.
 *
 * <p><b>Which call takes what.</b> The agent-scoped calls take an agent id and a label
 * ({@link #get(String, String)}, {@link #update(String, String, String)},
 * {@link #update(String, String, BlockUpdate)}); the standalone calls take a block id ({@code block-…}) alone
 * ({@link #get(String)}, {@link #update(String, BlockUpdate)}, {@link #delete(String)}). The arities differ, and
 * an id of another kind (an agent id where a block id belongs) is refused with a
 * {@link ai.letta.code.api.exception.ConfigurationException} before anything is sent.
 *
 * <p><b>Backends.</b> The agent-scoped reads and value updates work wherever the agent's blocks can be seen (see
 * each backend); the standalone calls, {@link #attach}, {@link #detach} and {@link #count} are Letta API
 * resources: offered by the cloud backend, elsewhere they throw
 * {@link ai.letta.code.api.exception.UnsupportedFeatureException} naming it.
 *
 * <pre>{@code
 * MemoryBlock team = client.blocks().create(BlockCreate.builder("team", "We ship on Fridays.").build());
 * client.blocks().attach(agentId, team.id().orElseThrow());
 * client.blocks().update(agentId, "team", BlockUpdate.value("We ship on Thursdays."));
 * }</pre>
 */
public interface Blocks {

    /**
     * Lists an agent's core-memory blocks ({@code GET /v1/agents/{agent_id}/core-memory/blocks}).
     *
     * @param agentId the agent
     * @return its core-memory blocks
     * @throws ai.letta.code.api.exception.AgentNotFoundException if the agent is unknown
     */
    List<MemoryBlock> list(String agentId);

    /**
     * Reads one of an agent's blocks by label ({@code GET /v1/agents/{agent_id}/core-memory/blocks/{block_label}}).
     *
     * @param agentId the agent
     * @param label the block's label
     * @return the block
     * @throws ai.letta.code.api.exception.NotFoundException if the agent has no such block
     */
    MemoryBlock get(String agentId, String label);

    /**
     * Replaces the text of one of an agent's blocks.
     *
     * @param agentId the agent
     * @param label the block's label
     * @param value its new text
     * @return the updated block
     * @throws ai.letta.code.api.exception.UnsupportedFeatureException if the backend cannot write this agent's
     *     blocks (the remote backend, for an agent without memory files: its blocks live on the Letta server behind
     *     the app server)
     */
    MemoryBlock update(String agentId, String label, String value);

    /**
     * Changes one of an agent's blocks by label
     * ({@code PATCH /v1/agents/{agent_id}/core-memory/blocks/{block_label}}): only the parts the update sets.
     *
     * @param agentId the agent
     * @param label the block's label
     * @param update what to change
     * @return the updated block
     * @throws ai.letta.code.api.exception.NotFoundException if the agent has no such block
     * @throws ai.letta.code.api.exception.UnsupportedFeatureException if the backend cannot change a part the update
     *     sets (e.g. the limit, outside a Letta API server)
     */
    MemoryBlock update(String agentId, String label, BlockUpdate update);

    /**
     * Attaches a standalone block to an agent's core memory
     * ({@code PATCH /v1/agents/{agent_id}/core-memory/blocks/attach/{block_id}}).
     *
     * @param agentId the agent
     * @param blockId the block ({@code block-…})
     * @throws ai.letta.code.api.exception.NotFoundException if the agent or the block is unknown
     * @throws ai.letta.code.api.exception.UnsupportedFeatureException outside a Letta API server
     */
    void attach(String agentId, String blockId);

    /**
     * Detaches a block from an agent's core memory; the block itself stays
     * ({@code PATCH /v1/agents/{agent_id}/core-memory/blocks/detach/{block_id}}).
     *
     * @param agentId the agent
     * @param blockId the block ({@code block-…})
     * @throws ai.letta.code.api.exception.NotFoundException if the agent or the block is unknown
     * @throws ai.letta.code.api.exception.UnsupportedFeatureException outside a Letta API server
     */
    void detach(String agentId, String blockId);

    /**
     * Creates a standalone block ({@code POST /v1/blocks/}).
     *
     * @param create the block
     * @return the stored block, with its id
     * @throws ai.letta.code.api.exception.UnsupportedFeatureException outside a Letta API server
     */
    MemoryBlock create(BlockCreate create);

    /**
     * Reads a block by id ({@code GET /v1/blocks/{block_id}}).
     *
     * @param blockId the block ({@code block-…})
     * @return the block
     * @throws ai.letta.code.api.exception.NotFoundException if it is unknown
     * @throws ai.letta.code.api.exception.UnsupportedFeatureException outside a Letta API server
     */
    MemoryBlock get(String blockId);

    /**
     * Changes a block by id, for every agent it is attached to ({@code PATCH /v1/blocks/{block_id}}).
     *
     * @param blockId the block ({@code block-…})
     * @param update what to change
     * @return the updated block
     * @throws ai.letta.code.api.exception.NotFoundException if it is unknown
     * @throws ai.letta.code.api.exception.UnsupportedFeatureException outside a Letta API server
     */
    MemoryBlock update(String blockId, BlockUpdate update);

    /**
     * Deletes a block by id, detaching it from every agent ({@code DELETE /v1/blocks/{block_id}}).
     *
     * @param blockId the block ({@code block-…})
     * @throws ai.letta.code.api.exception.NotFoundException if it is unknown
     * @throws ai.letta.code.api.exception.UnsupportedFeatureException outside a Letta API server
     */
    void delete(String blockId);

    /**
     * Lists standalone blocks ({@code GET /v1/blocks/}), with cursors; {@link Page#autoPager()} walks all.
     *
     * @param filter which blocks ({@link BlockFilter#all()} for every one)
     * @param page the page to fetch
     * @return one page of blocks
     * @throws ai.letta.code.api.exception.UnsupportedFeatureException outside a Letta API server
     */
    Page<MemoryBlock> list(BlockFilter filter, PageRequest page);

    /**
     * Counts standalone blocks ({@code GET /v1/blocks/count}).
     *
     * @param filter which blocks; its searches are refused (the count takes label, name and tags only)
     * @return how many there are
     * @throws ai.letta.code.api.exception.ConfigurationException if the filter sets a search
     * @throws ai.letta.code.api.exception.UnsupportedFeatureException outside a Letta API server
     */
    int count(BlockFilter filter);
}

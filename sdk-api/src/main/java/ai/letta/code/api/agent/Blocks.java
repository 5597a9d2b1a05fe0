package ai.letta.code.api.agent;

import java.util.List;

/** Memory-block operations of a backend. */
public interface Blocks {

    /**
     * @param agentId the agent
     * @return its core-memory blocks
     */
    List<MemoryBlock> list(String agentId);

    /**
     * @param agentId the agent
     * @param label the block's label
     * @return the block
     * @throws ai.letta.code.api.exception.NotFoundException if the agent has no such block
     */
    MemoryBlock get(String agentId, String label);

    /**
     * @param agentId the agent
     * @param label the block's label
     * @param value its new text
     * @return the updated block
     * @throws ai.letta.code.api.exception.UnsupportedFeatureException if the backend cannot write this agent's
     *     blocks (the remote backend, for an agent without memory files: its blocks live on the Letta server behind
     *     the app server)
     */
    MemoryBlock update(String agentId, String label, String value);
}

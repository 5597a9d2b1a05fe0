package ai.letta.code.api.agent;

import ai.letta.code.api.exception.ConfigurationException;
import java.util.Optional;

/**
 * A block of the agent's core memory, compiled into its system prompt ({@code persona} and {@code human} are the
 * usual ones).
 *
 * @param label the block's label, unique per agent
 * @param value its text
 * @param description what the block is for (helps the agent edit it), or {@code null}
 * @param limit the most characters it may hold, or 0 for the peer's default
 * @param readOnly whether the agent may not edit it
 * @param id the peer's block id once stored, or {@code null}
 */
public record MemoryBlock(String label, String value, String description, int limit, boolean readOnly, String id) {
    /** Validates. */
    public MemoryBlock {
        ConfigurationException.requireText(label, "MemoryBlock.label");
        ConfigurationException.requireNonNull(value, "MemoryBlock.value of block '" + label + "'");
        if (limit < 0) {
            throw new ConfigurationException("MemoryBlock.limit must not be negative (got " + limit + ")");
        }
    }

    /**
     * @param label the block's label
     * @param value its text
     * @return a writable block with no description
     */
    public static MemoryBlock of(String label, String value) {
        return new MemoryBlock(label, value, null, 0, false, null);
    }

    /**
     * @param description what the block is for
     * @return a copy with that description
     */
    public MemoryBlock withDescription(String description) {
        return new MemoryBlock(label, value, description, limit, readOnly, id);
    }

    /** @return the peer's id, once stored */
    public Optional<String> blockId() {
        return Optional.ofNullable(id);
    }
}

package ai.letta.code.api.agent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An agent as the backend stores it.
 *
 * @param id the agent id
 * @param name its name, or {@code null}
 * @param description its description, or {@code null}
 * @param model its model handle, or {@code null}
 * @param system its system prompt text, or {@code null}
 * @param tags its tags
 * @param blocks its memory blocks (may be empty when the backend lists agents without them)
 * @param createdAt when it was created, or {@code null}
 */
public record AgentInfo(String id, String name, String description, String model, String system, List<String> tags,
        List<MemoryBlock> blocks, Instant createdAt) {
    /** Copies the lists. */
    public AgentInfo {
        tags = tags == null ? List.of() : List.copyOf(tags);
        blocks = blocks == null ? List.of() : List.copyOf(blocks);
    }

    /**
     * @param label a block label, e.g. {@code persona}
     * @return the block, if the agent has it
     */
    public Optional<MemoryBlock> block(String label) {
        return blocks.stream().filter(b -> b.label().equals(label)).findFirst();
    }
}

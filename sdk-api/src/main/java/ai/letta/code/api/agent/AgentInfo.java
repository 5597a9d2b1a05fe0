package ai.letta.code.api.agent;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An agent as the backend stores it. Immutable; {@link #extras()} keeps the server's fields this SDK does not
 * model (on the cloud backend: {@code llm_config}, {@code tools}, {@code agent_type}, ...).
 */
public final class AgentInfo {
    private final String id;
    private final String name;
    private final String description;
    private final String model;
    private final String system;
    private final List<String> tags;
    private final List<MemoryBlock> blocks;
    private final Instant createdAt;
    private final Map<String, Object> metadata;
    private final Boolean sleeptimeEnabled;
    private final Map<String, Object> extras;

    /**
     * Copies the lists; no metadata, sleep-time state or extras (backends whose agents have none).
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
    public AgentInfo(String id, String name, String description, String model, String system, List<String> tags,
            List<MemoryBlock> blocks, Instant createdAt) {
        this(id, name, description, model, system, tags, blocks, createdAt, null, null, null);
    }

    /**
     * Copies the lists and maps, for transports that decode a Letta {@code AgentState}.
     *
     * @param id the agent id
     * @param name its name, or {@code null}
     * @param description its description, or {@code null}
     * @param model its model handle, or {@code null}
     * @param system its system prompt text, or {@code null}
     * @param tags its tags
     * @param blocks its memory blocks (may be empty when the backend lists agents without them)
     * @param createdAt when it was created, or {@code null}
     * @param metadata its metadata as plain Java values ({@code null} for none)
     * @param sleeptimeEnabled whether sleep-time is enabled, or {@code null} when the backend does not say
     * @param extras the server's fields this SDK does not model, as plain Java values ({@code null} for none)
     */
    public AgentInfo(String id, String name, String description, String model, String system, List<String> tags,
            List<MemoryBlock> blocks, Instant createdAt, Map<String, Object> metadata, Boolean sleeptimeEnabled,
            Map<String, Object> extras) {
        tags = tags == null ? List.of() : List.copyOf(tags);
        blocks = blocks == null ? List.of() : List.copyOf(blocks);
        this.id = id;
        this.name = name;
        this.description = description;
        this.model = model;
        this.system = system;
        this.tags = tags;
        this.blocks = blocks;
        this.createdAt = createdAt;
        this.metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        this.sleeptimeEnabled = sleeptimeEnabled;
        this.extras = extras == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    }

    /**
     * @param label a block label, e.g. {@code persona}
     * @return the block, if the agent has it
     */
    public Optional<MemoryBlock> block(String label) {
        return blocks.stream().filter(b -> b.label().equals(label)).findFirst();
    }

    /** @return the agent id */
    public String id() {
        return id;
    }

    /** @return its name, if any */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** @return its description, if any */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** @return its model handle, if any */
    public Optional<String> model() {
        return Optional.ofNullable(model);
    }

    /** @return its system prompt text, if any */
    public Optional<String> system() {
        return Optional.ofNullable(system);
    }

    /** @return its tags */
    public List<String> tags() {
        return tags;
    }

    /** @return its memory blocks (may be empty when the backend lists agents without them) */
    public List<MemoryBlock> blocks() {
        return blocks;
    }

    /** @return when it was created, if any */
    public Optional<Instant> createdAt() {
        return Optional.ofNullable(createdAt);
    }

    /** @return its metadata as plain Java values (empty when it has none or the backend keeps none) */
    public Map<String, Object> metadata() {
        return metadata;
    }

    /** @return whether a sleep-time agent manages its memory, if the backend says */
    public Optional<Boolean> sleeptimeEnabled() {
        return Optional.ofNullable(sleeptimeEnabled);
    }

    /** @return the server's fields this SDK does not model, as plain Java values (empty on most backends) */
    public Map<String, Object> extras() {
        return extras;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AgentInfo o && Objects.equals(id, o.id) && Objects.equals(name, o.name)
                && Objects.equals(description, o.description) && Objects.equals(model, o.model)
                && Objects.equals(system, o.system) && Objects.equals(tags, o.tags) && Objects.equals(blocks, o.blocks)
                && Objects.equals(createdAt, o.createdAt) && metadata.equals(o.metadata)
                && Objects.equals(sleeptimeEnabled, o.sleeptimeEnabled) && extras.equals(o.extras);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, description, model, system, tags, blocks, createdAt, metadata,
                sleeptimeEnabled);
    }

    @Override
    public String toString() {
        return "AgentInfo[id=" + id + ", name=" + name + ", description=" + description + ", model=" + model
                + ", system=" + system + ", tags=" + tags + ", blocks=" + blocks + ", createdAt=" + createdAt
                + ", metadata=" + metadata + ", sleeptimeEnabled=" + sleeptimeEnabled + "]";
    }
}

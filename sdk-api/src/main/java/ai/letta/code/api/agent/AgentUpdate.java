package ai.letta.code.api.agent;

import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.internal.Checks;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Changes to an agent ({@code UpdateAgent} of {@code PATCH /v1/agents/{agent_id}}). Only the parts that were set
 * are sent; an update that sets nothing is refused when built. Lists and maps replace the agent's whole value.
 *
 * <pre>{@code
 * client.agents().update(agentId, AgentUpdate.builder().description("reviews pull requests").build());
 * }</pre>
 */
public final class AgentUpdate {
    private final Map<String, Object> fields;

    private AgentUpdate(Map<String, Object> fields) {
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** @return a builder of an update */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The set parts by their Letta API field name ({@code name}, {@code description}, {@code system},
     * {@code model}, {@code embedding}, {@code tags}, {@code metadata}, {@code block_ids}, {@code tool_ids},
     * {@code enable_sleeptime}), in the order they were set.
     *
     * @return the set parts (values are Strings, Booleans, lists of Strings or a metadata map)
     */
    public Map<String, Object> fields() {
        return fields;
    }

    /** @return the new name, if set */
    public Optional<String> name() {
        return Optional.ofNullable((String) fields.get("name"));
    }

    /** @return whether sleep-time is to be on or off, if set */
    public Optional<Boolean> enableSleeptime() {
        return Optional.ofNullable((Boolean) fields.get("enable_sleeptime"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AgentUpdate u && fields.equals(u.fields);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fields);
    }

    @Override
    public String toString() {
        return "AgentUpdate" + fields;
    }

    /** Builds an {@link AgentUpdate}; each setter checks its value. Not thread-safe. */
    public static final class Builder {
        private final Map<String, Object> fields = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * @param name the agent's new name
         * @return this
         */
        public Builder name(String name) {
            return text("name", name);
        }

        /**
         * @param description its new description
         * @return this
         */
        public Builder description(String description) {
            return text("description", description);
        }

        /**
         * @param system its new system prompt text
         * @return this
         */
        public Builder system(String system) {
            return text("system", system);
        }

        /**
         * @param handle its new model handle, e.g. {@code openai/gpt-4.1}
         * @return this
         */
        public Builder model(String handle) {
            return text("model", handle);
        }

        /**
         * @param handle its new embedding model handle, e.g. {@code openai/text-embedding-3-small}
         * @return this
         */
        public Builder embedding(String handle) {
            return text("embedding", handle);
        }

        /**
         * @param tags its new tags (copied; none blank)
         * @return this
         */
        public Builder tags(List<String> tags) {
            fields.put("tags", BlockUpdate.checkedTags(tags, "AgentUpdate.tags"));
            return this;
        }

        /**
         * @param metadata its new metadata (copied)
         * @return this
         */
        public Builder metadata(Map<String, Object> metadata) {
            fields.put("metadata", Collections.unmodifiableMap(new LinkedHashMap<>(
                    Checks.requireNonNull(metadata, "AgentUpdate.metadata"))));
            return this;
        }

        /**
         * @param blockIds the ids of the blocks the agent is to have, replacing its attached ones
         * @return this
         */
        public Builder blockIds(List<String> blockIds) {
            fields.put("block_ids", ids(blockIds, "AgentUpdate.blockIds", "block"));
            return this;
        }

        /**
         * @param toolIds the ids of the tools the agent is to have, replacing its attached ones
         * @return this
         */
        public Builder toolIds(List<String> toolIds) {
            fields.put("tool_ids", ids(toolIds, "AgentUpdate.toolIds", "tool"));
            return this;
        }

        /**
         * @param enabled whether a sleep-time agent is to manage this agent's memory in the background
         * @return this
         */
        public Builder enableSleeptime(boolean enabled) {
            fields.put("enable_sleeptime", enabled);
            return this;
        }

        /**
         * @return the update
         * @throws ConfigurationException if nothing was set
         */
        public AgentUpdate build() {
            if (fields.isEmpty()) {
                throw new ConfigurationException("AgentUpdate sets nothing: set at least one field");
            }
            return new AgentUpdate(fields);
        }

        private Builder text(String field, String value) {
            fields.put(field, Checks.requireText(value, "AgentUpdate." + field));
            return this;
        }

        private static List<String> ids(List<String> ids, String field, String kind) {
            Checks.requireNonNull(ids, field);
            return ids.stream().map(id -> Checks.requireId(id, field, kind)).toList();
        }
    }
}

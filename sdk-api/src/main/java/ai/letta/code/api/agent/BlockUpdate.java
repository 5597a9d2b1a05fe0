package ai.letta.code.api.agent;

import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.internal.Checks;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Changes to a memory block ({@code BlockUpdate}: {@code PATCH /v1/blocks/{block_id}} or an agent's
 * {@code PATCH /v1/agents/{agent_id}/core-memory/blocks/{block_label}}). Only the parts that were set are sent;
 * an update that sets nothing is refused when built.
 *
 * <pre>{@code
 * client.blocks().update(agentId, "persona", BlockUpdate.builder().value("You are terse.").limit(4000).build());
 * }</pre>
 */
public final class BlockUpdate {
    private final String value;
    private final String label;
    private final String description;
    private final Integer limit;
    private final Boolean readOnly;
    private final List<String> tags;
    private final Map<String, Object> metadata;

    private BlockUpdate(Builder b) {
        this.value = b.value;
        this.label = b.label;
        this.description = b.description;
        this.limit = b.limit;
        this.readOnly = b.readOnly;
        this.tags = b.tags;
        this.metadata = b.metadata;
    }

    /** @return a builder of an update */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param value the block's new text
     * @return an update of the text only
     */
    public static BlockUpdate value(String value) {
        return builder().value(value).build();
    }

    /** @return the new text, if set */
    public Optional<String> value() {
        return Optional.ofNullable(value);
    }

    /** @return the new label, if set */
    public Optional<String> label() {
        return Optional.ofNullable(label);
    }

    /** @return the new description, if set */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** @return the new limit, if set */
    public OptionalInt limit() {
        return limit == null ? OptionalInt.empty() : OptionalInt.of(limit);
    }

    /** @return the new read-only flag, if set */
    public Optional<Boolean> readOnly() {
        return Optional.ofNullable(readOnly);
    }

    /** @return the new tags, if set */
    public Optional<List<String>> tags() {
        return Optional.ofNullable(tags);
    }

    /** @return the new metadata, if set */
    public Optional<Map<String, Object>> metadata() {
        return Optional.ofNullable(metadata);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlockUpdate u && Objects.equals(value, u.value) && Objects.equals(label, u.label)
                && Objects.equals(description, u.description) && Objects.equals(limit, u.limit)
                && Objects.equals(readOnly, u.readOnly) && Objects.equals(tags, u.tags)
                && Objects.equals(metadata, u.metadata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, label, description, limit, readOnly, tags, metadata);
    }

    @Override
    public String toString() {
        return "BlockUpdate[value=" + value + ", label=" + label + ", description=" + description + ", limit="
                + limit + ", readOnly=" + readOnly + ", tags=" + tags + ", metadata=" + metadata + "]";
    }

    static List<String> checkedTags(List<String> tags, String field) {
        Checks.requireNonNull(tags, field);
        tags.forEach(tag -> Checks.requireText(tag, field + " element"));
        return List.copyOf(tags);
    }

    /** Builds a {@link BlockUpdate}; each setter checks its value. Not thread-safe. */
    public static final class Builder {
        private String value;
        private String label;
        private String description;
        private Integer limit;
        private Boolean readOnly;
        private List<String> tags;
        private Map<String, Object> metadata;

        private Builder() {
        }

        /**
         * @param value the block's new text (may be empty)
         * @return this
         */
        public Builder value(String value) {
            this.value = Checks.requireNonNull(value, "BlockUpdate.value");
            return this;
        }

        /**
         * @param label the block's new label, checked by {@link MemoryBlock#requireLabel}
         * @return this
         */
        public Builder label(String label) {
            this.label = MemoryBlock.requireLabel(label, "BlockUpdate.label");
            return this;
        }

        /**
         * @param description what the block is for
         * @return this
         */
        public Builder description(String description) {
            this.description = Checks.requireNonNull(description, "BlockUpdate.description");
            return this;
        }

        /**
         * @param limit the most characters it may hold, positive
         * @return this
         */
        public Builder limit(int limit) {
            this.limit = Checks.requirePositive(limit, "BlockUpdate.limit");
            return this;
        }

        /**
         * @param readOnly whether agents may not edit it
         * @return this
         */
        public Builder readOnly(boolean readOnly) {
            this.readOnly = readOnly;
            return this;
        }

        /**
         * @param tags its new tags (copied; none blank)
         * @return this
         */
        public Builder tags(List<String> tags) {
            this.tags = checkedTags(tags, "BlockUpdate.tags");
            return this;
        }

        /**
         * @param metadata its new metadata (copied)
         * @return this
         */
        public Builder metadata(Map<String, Object> metadata) {
            this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(
                    Checks.requireNonNull(metadata, "BlockUpdate.metadata")));
            return this;
        }

        /**
         * @return the update
         * @throws ConfigurationException if nothing was set
         */
        public BlockUpdate build() {
            if (value == null && label == null && description == null && limit == null && readOnly == null
                    && tags == null && metadata == null) {
                throw new ConfigurationException("BlockUpdate sets nothing: set at least one of value, label, "
                        + "description, limit, readOnly, tags, metadata");
            }
            return new BlockUpdate(this);
        }
    }
}

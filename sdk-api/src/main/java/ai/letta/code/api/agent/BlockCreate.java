package ai.letta.code.api.agent;

import ai.letta.code.internal.Checks;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A standalone memory block to create ({@code POST /v1/blocks/}, body {@code CreateBlock}), to be attached to
 * agents by id afterwards ({@link Blocks#attach}). The label and value are required; the rest is sent only when
 * set, so the server's defaults apply (a limit of 100000 characters, writable, no description).
 *
 * <pre>{@code
 * MemoryBlock shared = client.blocks().create(BlockCreate.builder("team", "We ship on Fridays.")
 *         .description("What the whole team knows").limit(2000).build());
 * }</pre>
 */
public final class BlockCreate {
    private final String label;
    private final String value;
    private final String description;
    private final Integer limit;
    private final Boolean readOnly;
    private final List<String> tags;
    private final Map<String, Object> metadata;

    private BlockCreate(Builder b) {
        this.label = b.label;
        this.value = b.value;
        this.description = b.description;
        this.limit = b.limit;
        this.readOnly = b.readOnly;
        this.tags = b.tags;
        this.metadata = b.metadata;
    }

    /**
     * @param label the block's label, checked by {@link MemoryBlock#requireLabel}
     * @param value its text (may be empty, not {@code null})
     * @return a builder
     * @throws ai.letta.code.api.exception.ConfigurationException if the label or value is not valid
     */
    public static Builder builder(String label, String value) {
        return new Builder(label, value);
    }

    /** @return the block's label */
    public String label() {
        return label;
    }

    /** @return its text */
    public String value() {
        return value;
    }

    /** @return what the block is for, if set */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** @return the most characters it may hold, if set */
    public OptionalInt limit() {
        return limit == null ? OptionalInt.empty() : OptionalInt.of(limit);
    }

    /** @return whether agents may not edit it, if set */
    public Optional<Boolean> readOnly() {
        return Optional.ofNullable(readOnly);
    }

    /** @return its tags, if set */
    public Optional<List<String>> tags() {
        return Optional.ofNullable(tags);
    }

    /** @return its metadata, if set */
    public Optional<Map<String, Object>> metadata() {
        return Optional.ofNullable(metadata);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlockCreate c && label.equals(c.label) && value.equals(c.value)
                && Objects.equals(description, c.description) && Objects.equals(limit, c.limit)
                && Objects.equals(readOnly, c.readOnly) && Objects.equals(tags, c.tags)
                && Objects.equals(metadata, c.metadata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(label, value, description, limit, readOnly, tags, metadata);
    }

    @Override
    public String toString() {
        return "BlockCreate[label=" + label + ", value=" + value + ", description=" + description + ", limit="
                + limit + ", readOnly=" + readOnly + ", tags=" + tags + ", metadata=" + metadata + "]";
    }

    /** Builds a {@link BlockCreate}; each setter checks its value. Not thread-safe. */
    public static final class Builder {
        private final String label;
        private final String value;
        private String description;
        private Integer limit;
        private Boolean readOnly;
        private List<String> tags;
        private Map<String, Object> metadata;

        private Builder(String label, String value) {
            this.label = MemoryBlock.requireLabel(label, "BlockCreate.label");
            this.value = Checks.requireNonNull(value, "BlockCreate.value");
        }

        /**
         * @param description what the block is for
         * @return this
         */
        public Builder description(String description) {
            this.description = Checks.requireNonNull(description, "BlockCreate.description");
            return this;
        }

        /**
         * @param limit the most characters it may hold, positive
         * @return this
         */
        public Builder limit(int limit) {
            this.limit = Checks.requirePositive(limit, "BlockCreate.limit");
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
         * @param tags its tags (copied; none blank)
         * @return this
         */
        public Builder tags(List<String> tags) {
            this.tags = BlockUpdate.checkedTags(tags, "BlockCreate.tags");
            return this;
        }

        /**
         * @param metadata free-form metadata (copied; plain Java values that serialise to JSON)
         * @return this
         */
        public Builder metadata(Map<String, Object> metadata) {
            this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(
                    Checks.requireNonNull(metadata, "BlockCreate.metadata")));
            return this;
        }

        /** @return the request */
        public BlockCreate build() {
            return new BlockCreate(this);
        }
    }
}

package ai.letta.code.api.agent;

import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.internal.Checks;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A block of the agent's core memory, compiled into its system prompt ({@code persona} and {@code human} are the
 * usual ones).
 *
 * <p>A label names a file in the agent's memory repository ({@code system/<label>.md}) and a segment of REST paths,
 * so it is checked ({@link #requireLabel}): one or more {@code /}-separated segments (the CLI's memory files nest
 * labels such as {@code skills/java}), each non-blank and not starting with {@code .} (so no {@code .} or
 * {@code ..}); no {@code \}, control character or NUL; at most {@value #MAX_LABEL_BYTES} bytes of UTF-8.
 *
 * <p>A block read from a Letta API server carries its {@link #id()}, {@link #tags()}, {@link #metadata()} and the
 * server's fields this SDK does not model ({@link #extras()}); a block given in {@code AgentOptions} has none of
 * them. Make one with {@link #of} or {@link #builder}.
 */
public final class MemoryBlock {

    /** The longest label, in bytes of UTF-8 (a file name of the memory repository, {@code .md} added, fits). */
    public static final int MAX_LABEL_BYTES = 128;

    private final String label;
    private final String value;
    private final String description;
    private final int limit;
    private final boolean readOnly;
    private final String id;
    private final List<String> tags;
    private final Map<String, Object> metadata;
    private final Map<String, Object> extras;

    /**
     * Validates.
     *
     * @param label the block's label, unique per agent
     * @param value its text
     * @param description what the block is for (helps the agent edit it), or {@code null}
     * @param limit the most characters it may hold, or 0 for the peer's default
     * @param readOnly whether the agent may not edit it
     * @param id the peer's block id once stored, or {@code null}
     */
    public MemoryBlock(String label, String value, String description, int limit, boolean readOnly, String id) {
        this(label, value, description, limit, readOnly, id, List.of(), Map.of(), Map.of());
    }

    private MemoryBlock(String label, String value, String description, int limit, boolean readOnly, String id,
            List<String> tags, Map<String, Object> metadata, Map<String, Object> extras) {
        requireLabel(label, "MemoryBlock.label");
        Checks.requireNonNull(value, "MemoryBlock.value of block '" + label + "'");
        if (limit < 0) {
            throw new ConfigurationException("MemoryBlock.limit must not be negative (got " + limit + ")");
        }
        this.label = label;
        this.value = value;
        this.description = description;
        this.limit = limit;
        this.readOnly = readOnly;
        this.id = id;
        this.tags = List.copyOf(tags);
        this.metadata = unmodifiable(metadata);
        this.extras = unmodifiable(extras);
    }

    /**
     * @param label the block's label (checked by {@link #requireLabel})
     * @param value its text
     * @return a builder for a block with more parts than {@link #of} sets
     */
    public static Builder builder(String label, String value) {
        return new Builder(label, value);
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
        return new MemoryBlock(label, value, description, limit, readOnly, id, tags, metadata, extras);
    }

    /** @return the block's label, unique per agent */
    public String label() {
        return label;
    }

    /** @return the block's text */
    public String value() {
        return value;
    }

    /** @return what the block is for, if described */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** @return the most characters it may hold, if set (else the peer's default) */
    public OptionalInt limit() {
        return limit > 0 ? OptionalInt.of(limit) : OptionalInt.empty();
    }

    /** @return whether the agent may not edit it */
    public boolean readOnly() {
        return readOnly;
    }

    /** @return the peer's block id, once stored */
    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    /** @return the block's tags (a Letta API server's; empty elsewhere) */
    public List<String> tags() {
        return tags;
    }

    /** @return the block's metadata as plain Java values (a Letta API server's; empty elsewhere) */
    public Map<String, Object> metadata() {
        return metadata;
    }

    /**
     * @return the server's fields of this block that the SDK does not model (e.g. {@code created_by_id},
     *     {@code project_id}), as plain Java values; empty for a block the SDK made
     */
    public Map<String, Object> extras() {
        return extras;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MemoryBlock b && label.equals(b.label) && value.equals(b.value)
                && Objects.equals(description, b.description) && limit == b.limit && readOnly == b.readOnly
                && Objects.equals(id, b.id) && tags.equals(b.tags) && metadata.equals(b.metadata)
                && extras.equals(b.extras);
    }

    @Override
    public int hashCode() {
        return Objects.hash(label, value, description, limit, readOnly, id, tags, metadata, extras);
    }

    @Override
    public String toString() {
        return "MemoryBlock[label=" + label + ", value=" + value + ", description=" + description + ", limit="
                + limit + ", readOnly=" + readOnly + ", id=" + id
                + (tags.isEmpty() ? "" : ", tags=" + tags) + (metadata.isEmpty() ? "" : ", metadata=" + metadata)
                + (extras.isEmpty() ? "" : ", extras=" + extras) + "]";
    }

    private static Map<String, Object> unmodifiable(Map<String, Object> map) {
        // Map.copyOf refuses the nulls a JSON object may hold.
        return map == null || map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** Builds a {@link MemoryBlock}; each part is checked when the block is built. Not thread-safe. */
    public static final class Builder {
        private final String label;
        private final String value;
        private String description;
        private int limit;
        private boolean readOnly;
        private String id;
        private List<String> tags = List.of();
        private Map<String, Object> metadata = Map.of();
        private Map<String, Object> extras = Map.of();

        private Builder(String label, String value) {
            this.label = label;
            this.value = value;
        }

        /**
         * @param description what the block is for, or {@code null}
         * @return this
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * @param limit the most characters it may hold, or 0 for the peer's default
         * @return this
         */
        public Builder limit(int limit) {
            this.limit = limit;
            return this;
        }

        /**
         * @param readOnly whether the agent may not edit it
         * @return this
         */
        public Builder readOnly(boolean readOnly) {
            this.readOnly = readOnly;
            return this;
        }

        /**
         * @param id the peer's block id, or {@code null}
         * @return this
         */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /**
         * @param tags the block's tags (copied; no {@code null} element)
         * @return this
         */
        public Builder tags(List<String> tags) {
            Checks.requireNonNull(tags, "MemoryBlock.tags");
            tags.forEach(tag -> Checks.requireNonNull(tag, "MemoryBlock.tags element"));
            this.tags = List.copyOf(tags);
            return this;
        }

        /**
         * @param metadata the block's metadata (copied)
         * @return this
         */
        public Builder metadata(Map<String, Object> metadata) {
            this.metadata = new LinkedHashMap<>(Checks.requireNonNull(metadata, "MemoryBlock.metadata"));
            return this;
        }

        /**
         * @param extras the server's fields the SDK does not model (copied)
         * @return this
         */
        public Builder extras(Map<String, Object> extras) {
            this.extras = new LinkedHashMap<>(Checks.requireNonNull(extras, "MemoryBlock.extras"));
            return this;
        }

        /**
         * @return the block
         * @throws ConfigurationException if the label or value is not valid or the limit is negative
         */
        public MemoryBlock build() {
            return new MemoryBlock(label, value, description, limit, readOnly, id, tags, metadata, extras);
        }
    }

    /**
     * Checks a memory block label by the rules above, before it reaches a file or a request.
     *
     * @param label the label
     * @param field the field name used in the message, e.g. {@code "MemoryBlock.label"}
     * @return the label
     * @throws ConfigurationException naming the label and the rule it breaks
     */
    public static String requireLabel(String label, String field) {
        Checks.requireText(label, field);
        String rule = null;
        if (label.getBytes(StandardCharsets.UTF_8).length > MAX_LABEL_BYTES) {
            rule = "is longer than " + MAX_LABEL_BYTES + " bytes of UTF-8";
        } else if (label.indexOf('\\') >= 0) {
            rule = "contains a backslash";
        } else if (label.chars().anyMatch(Character::isISOControl)) {
            rule = "contains a control character or NUL";
        } else {
            for (String segment : label.split("/", -1)) {
                if (segment.isBlank()) {
                    rule = "has an empty or blank segment (a leading, trailing or doubled '/')";
                    break;
                }
                if (segment.startsWith(".")) {
                    rule = "has a segment starting with '.' (such as '..')";
                    break;
                }
            }
        }
        if (rule != null) {
            throw new ConfigurationException(field + " \"" + printable(label) + "\" " + rule + "; a label is one or"
                    + " more '/'-separated names, none blank or starting with '.', without '\\' or control"
                    + " characters, at most " + MAX_LABEL_BYTES + " bytes");
        }
        return label;
    }

    /** The label as a message can quote it: control characters escaped, cut at 200 characters. */
    private static String printable(String label) {
        StringBuilder out = new StringBuilder();
        label.codePoints().limit(200).forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return label.codePointCount(0, label.length()) > 200 ? out + "…" : out.toString();
    }
}

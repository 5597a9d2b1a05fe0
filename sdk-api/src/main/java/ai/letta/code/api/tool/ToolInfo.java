package ai.letta.code.api.tool;

import ai.letta.code.internal.Checks;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A tool as a Letta API server stores it ({@code Tool}): its id and name, type ({@code custom},
 * {@code letta_core}, {@code external_mcp}, …), source code and JSON schema. The server's fields this SDK does not
 * model (pip/npm requirements, {@code created_by_id}, …) stay reachable in {@link #extras()}. Immutable.
 */
public final class ToolInfo {
    private final String id;
    private final String name;
    private final String toolType;
    private final String description;
    private final String sourceType;
    private final String sourceCode;
    private final List<String> tags;
    private final Map<String, Object> jsonSchema;
    private final Map<String, Object> argsJsonSchema;
    private final Integer returnCharLimit;
    private final Boolean defaultRequiresApproval;
    private final Map<String, Object> metadata;
    private final Map<String, Object> extras;

    private ToolInfo(Builder b) {
        this.id = b.id;
        this.name = b.name;
        this.toolType = b.toolType;
        this.description = b.description;
        this.sourceType = b.sourceType;
        this.sourceCode = b.sourceCode;
        this.tags = List.copyOf(b.tags);
        this.jsonSchema = unmodifiable(b.jsonSchema);
        this.argsJsonSchema = unmodifiable(b.argsJsonSchema);
        this.returnCharLimit = b.returnCharLimit;
        this.defaultRequiresApproval = b.defaultRequiresApproval;
        this.metadata = unmodifiable(b.metadata);
        this.extras = unmodifiable(b.extras);
    }

    /**
     * @param id the tool's id ({@code tool-…})
     * @return a builder (for backends and tests)
     */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** @return the tool's id */
    public String id() {
        return id;
    }

    /** @return its name (what the agent calls), if the server gave one */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** @return its type, e.g. {@code custom}, {@code letta_core}, {@code external_mcp}, if given */
    public Optional<String> toolType() {
        return Optional.ofNullable(toolType);
    }

    /** @return what it does, if described */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** @return the language of its source, e.g. {@code python}, if given */
    public Optional<String> sourceType() {
        return Optional.ofNullable(sourceType);
    }

    /** @return its source code, if it has some (built-in tools have none) */
    public Optional<String> sourceCode() {
        return Optional.ofNullable(sourceCode);
    }

    /** @return its tags */
    public List<String> tags() {
        return tags;
    }

    /** @return its JSON schema (the function the model sees) as plain Java values; empty if none */
    public Map<String, Object> jsonSchema() {
        return jsonSchema;
    }

    /** @return the JSON schema of its arguments as plain Java values; empty if none */
    public Map<String, Object> argsJsonSchema() {
        return argsJsonSchema;
    }

    /** @return the most characters of a result returned to the agent, if given */
    public OptionalInt returnCharLimit() {
        return returnCharLimit == null ? OptionalInt.empty() : OptionalInt.of(returnCharLimit);
    }

    /** @return whether calls need approval unless an agent says otherwise, if given */
    public Optional<Boolean> defaultRequiresApproval() {
        return Optional.ofNullable(defaultRequiresApproval);
    }

    /** @return its metadata ({@code metadata_}) as plain Java values; empty if none */
    public Map<String, Object> metadata() {
        return metadata;
    }

    /** @return the server's fields of this tool that the SDK does not model, as plain Java values */
    public Map<String, Object> extras() {
        return extras;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ToolInfo t && id.equals(t.id) && Objects.equals(name, t.name)
                && Objects.equals(toolType, t.toolType) && Objects.equals(description, t.description)
                && Objects.equals(sourceType, t.sourceType) && Objects.equals(sourceCode, t.sourceCode)
                && tags.equals(t.tags) && jsonSchema.equals(t.jsonSchema) && argsJsonSchema.equals(t.argsJsonSchema)
                && Objects.equals(returnCharLimit, t.returnCharLimit)
                && Objects.equals(defaultRequiresApproval, t.defaultRequiresApproval) && metadata.equals(t.metadata)
                && extras.equals(t.extras);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, toolType, description, sourceType, sourceCode, tags, jsonSchema,
                argsJsonSchema, returnCharLimit, defaultRequiresApproval, metadata, extras);
    }

    /** @return the tool's parts, its source code shortened to its length */
    @Override
    public String toString() {
        return "ToolInfo[id=" + id + ", name=" + name + ", toolType=" + toolType + ", description=" + description
                + ", sourceType=" + sourceType + ", sourceCode=" + (sourceCode == null ? null
                : "<" + sourceCode.length() + " chars>") + ", tags=" + tags + ", jsonSchema=" + jsonSchema
                + ", returnCharLimit=" + returnCharLimit + ", defaultRequiresApproval=" + defaultRequiresApproval
                + (metadata.isEmpty() ? "" : ", metadata=" + metadata) + (extras.isEmpty() ? "" : ", extras=" + extras)
                + "]";
    }

    static Map<String, Object> unmodifiable(Map<String, Object> map) {
        // Map.copyOf refuses the nulls a JSON object may hold.
        return map == null || map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** Builds a {@link ToolInfo}. Not thread-safe. */
    public static final class Builder {
        private final String id;
        private String name;
        private String toolType;
        private String description;
        private String sourceType;
        private String sourceCode;
        private List<String> tags = List.of();
        private Map<String, Object> jsonSchema;
        private Map<String, Object> argsJsonSchema;
        private Integer returnCharLimit;
        private Boolean defaultRequiresApproval;
        private Map<String, Object> metadata;
        private Map<String, Object> extras;

        private Builder(String id) {
            this.id = Checks.requireText(id, "ToolInfo.id");
        }

        /**
         * @param name its name, or {@code null}
         * @return this
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * @param toolType its type, or {@code null}
         * @return this
         */
        public Builder toolType(String toolType) {
            this.toolType = toolType;
            return this;
        }

        /**
         * @param description what it does, or {@code null}
         * @return this
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * @param sourceType the language of its source, or {@code null}
         * @return this
         */
        public Builder sourceType(String sourceType) {
            this.sourceType = sourceType;
            return this;
        }

        /**
         * @param sourceCode its source, or {@code null}
         * @return this
         */
        public Builder sourceCode(String sourceCode) {
            this.sourceCode = sourceCode;
            return this;
        }

        /**
         * @param tags its tags ({@code null} for none; {@code null} elements dropped)
         * @return this
         */
        public Builder tags(List<String> tags) {
            this.tags = tags == null ? List.of() : tags.stream().filter(Objects::nonNull).toList();
            return this;
        }

        /**
         * @param jsonSchema its JSON schema, or {@code null}
         * @return this
         */
        public Builder jsonSchema(Map<String, Object> jsonSchema) {
            this.jsonSchema = jsonSchema;
            return this;
        }

        /**
         * @param argsJsonSchema the JSON schema of its arguments, or {@code null}
         * @return this
         */
        public Builder argsJsonSchema(Map<String, Object> argsJsonSchema) {
            this.argsJsonSchema = argsJsonSchema;
            return this;
        }

        /**
         * @param returnCharLimit the result limit, or {@code null}
         * @return this
         */
        public Builder returnCharLimit(Integer returnCharLimit) {
            this.returnCharLimit = returnCharLimit;
            return this;
        }

        /**
         * @param defaultRequiresApproval whether calls need approval by default, or {@code null}
         * @return this
         */
        public Builder defaultRequiresApproval(Boolean defaultRequiresApproval) {
            this.defaultRequiresApproval = defaultRequiresApproval;
            return this;
        }

        /**
         * @param metadata its metadata, or {@code null}
         * @return this
         */
        public Builder metadata(Map<String, Object> metadata) {
            this.metadata = metadata;
            return this;
        }

        /**
         * @param extras the server's fields the SDK does not model, or {@code null}
         * @return this
         */
        public Builder extras(Map<String, Object> extras) {
            this.extras = extras;
            return this;
        }

        /** @return the tool */
        public ToolInfo build() {
            return new ToolInfo(this);
        }
    }
}

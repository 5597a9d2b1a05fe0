package ai.letta.code.api.tool;

import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.internal.Checks;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Changes to a tool ({@code ToolUpdate}: {@code PATCH /v1/tools/{tool_id}}). Only the parts that were set are
 * sent; an update that sets nothing is refused when built.
 *
 * <pre>{@code
 * ToolInfo roll = client.tools().list(ToolFilter.name("roll_dice"), PageRequest.first(1)).items().get(0);
 * client.tools().update(roll.id(), ToolUpdate.builder().description("Roll two dice").build());
 * }</pre>
 */
public final class ToolUpdate {
    private final String sourceCode;
    private final String sourceType;
    private final String description;
    private final List<String> tags;
    private final Map<String, Object> jsonSchema;
    private final Map<String, Object> argsJsonSchema;
    private final Integer returnCharLimit;
    private final Boolean defaultRequiresApproval;
    private final Boolean enableParallelExecution;
    private final Map<String, Object> metadata;

    private ToolUpdate(Builder b) {
        this.sourceCode = b.sourceCode;
        this.sourceType = b.sourceType;
        this.description = b.description;
        this.tags = b.tags;
        this.jsonSchema = b.jsonSchema;
        this.argsJsonSchema = b.argsJsonSchema;
        this.returnCharLimit = b.returnCharLimit;
        this.defaultRequiresApproval = b.defaultRequiresApproval;
        this.enableParallelExecution = b.enableParallelExecution;
        this.metadata = b.metadata;
    }

    /** @return a builder of an update */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the new source code, if set */
    public Optional<String> sourceCode() {
        return Optional.ofNullable(sourceCode);
    }

    /** @return the new source language, if set */
    public Optional<String> sourceType() {
        return Optional.ofNullable(sourceType);
    }

    /** @return the new description, if set */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** @return the new tags, if set */
    public Optional<List<String>> tags() {
        return Optional.ofNullable(tags);
    }

    /** @return the new JSON schema, if set */
    public Optional<Map<String, Object>> jsonSchema() {
        return Optional.ofNullable(jsonSchema);
    }

    /** @return the new JSON schema of the arguments, if set */
    public Optional<Map<String, Object>> argsJsonSchema() {
        return Optional.ofNullable(argsJsonSchema);
    }

    /** @return the new result limit, if set */
    public OptionalInt returnCharLimit() {
        return returnCharLimit == null ? OptionalInt.empty() : OptionalInt.of(returnCharLimit);
    }

    /** @return the new default approval, if set */
    public Optional<Boolean> defaultRequiresApproval() {
        return Optional.ofNullable(defaultRequiresApproval);
    }

    /** @return the new parallel-execution flag, if set */
    public Optional<Boolean> enableParallelExecution() {
        return Optional.ofNullable(enableParallelExecution);
    }

    /** @return the new metadata, if set */
    public Optional<Map<String, Object>> metadata() {
        return Optional.ofNullable(metadata);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ToolUpdate u && Objects.equals(sourceCode, u.sourceCode)
                && Objects.equals(sourceType, u.sourceType) && Objects.equals(description, u.description)
                && Objects.equals(tags, u.tags) && Objects.equals(jsonSchema, u.jsonSchema)
                && Objects.equals(argsJsonSchema, u.argsJsonSchema) && Objects.equals(returnCharLimit, u.returnCharLimit)
                && Objects.equals(defaultRequiresApproval, u.defaultRequiresApproval)
                && Objects.equals(enableParallelExecution, u.enableParallelExecution)
                && Objects.equals(metadata, u.metadata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sourceCode, sourceType, description, tags, jsonSchema, argsJsonSchema, returnCharLimit,
                defaultRequiresApproval, enableParallelExecution, metadata);
    }

    @Override
    public String toString() {
        return "ToolUpdate[sourceCode=" + (sourceCode == null ? null : "<" + sourceCode.length() + " chars>")
                + ", sourceType=" + sourceType + ", description=" + description + ", tags=" + tags + ", jsonSchema="
                + jsonSchema + ", argsJsonSchema=" + argsJsonSchema + ", returnCharLimit=" + returnCharLimit
                + ", defaultRequiresApproval=" + defaultRequiresApproval + ", enableParallelExecution="
                + enableParallelExecution + ", metadata=" + metadata + "]";
    }

    /** Builds a {@link ToolUpdate}; each setter checks its value. Not thread-safe. */
    public static final class Builder {
        private String sourceCode;
        private String sourceType;
        private String description;
        private List<String> tags;
        private Map<String, Object> jsonSchema;
        private Map<String, Object> argsJsonSchema;
        private Integer returnCharLimit;
        private Boolean defaultRequiresApproval;
        private Boolean enableParallelExecution;
        private Map<String, Object> metadata;

        private Builder() {
        }

        /**
         * @param sourceCode the new source (not blank)
         * @return this
         */
        public Builder sourceCode(String sourceCode) {
            this.sourceCode = Checks.requireText(sourceCode, "ToolUpdate.sourceCode");
            return this;
        }

        /**
         * @param sourceType the new source language
         * @return this
         */
        public Builder sourceType(String sourceType) {
            this.sourceType = Checks.requireText(sourceType, "ToolUpdate.sourceType");
            return this;
        }

        /**
         * @param description the new description
         * @return this
         */
        public Builder description(String description) {
            this.description = Checks.requireNonNull(description, "ToolUpdate.description");
            return this;
        }

        /**
         * @param tags the new tags (copied; none blank)
         * @return this
         */
        public Builder tags(List<String> tags) {
            this.tags = ToolCreate.checkedTags(tags, "ToolUpdate.tags");
            return this;
        }

        /**
         * @param jsonSchema the new JSON schema (copied)
         * @return this
         */
        public Builder jsonSchema(Map<String, Object> jsonSchema) {
            this.jsonSchema = ToolCreate.checkedSchema(jsonSchema, "ToolUpdate.jsonSchema");
            return this;
        }

        /**
         * @param argsJsonSchema the new JSON schema of the arguments (copied)
         * @return this
         */
        public Builder argsJsonSchema(Map<String, Object> argsJsonSchema) {
            this.argsJsonSchema = ToolCreate.checkedSchema(argsJsonSchema, "ToolUpdate.argsJsonSchema");
            return this;
        }

        /**
         * @param limit the new result limit, 1 to {@value ToolCreate#MAX_RETURN_CHAR_LIMIT}
         * @return this
         */
        public Builder returnCharLimit(int limit) {
            this.returnCharLimit = ToolCreate.checkedLimit(limit, "ToolUpdate.returnCharLimit");
            return this;
        }

        /**
         * @param required whether calls need approval by default
         * @return this
         */
        public Builder defaultRequiresApproval(boolean required) {
            this.defaultRequiresApproval = required;
            return this;
        }

        /**
         * @param enabled whether calls may run in parallel
         * @return this
         */
        public Builder enableParallelExecution(boolean enabled) {
            this.enableParallelExecution = enabled;
            return this;
        }

        /**
         * @param metadata the new metadata (copied)
         * @return this
         */
        public Builder metadata(Map<String, Object> metadata) {
            this.metadata = ToolCreate.checkedSchema(metadata, "ToolUpdate.metadata");
            return this;
        }

        /**
         * @return the update
         * @throws ConfigurationException if nothing was set
         */
        public ToolUpdate build() {
            if (sourceCode == null && sourceType == null && description == null && tags == null && jsonSchema == null
                    && argsJsonSchema == null && returnCharLimit == null && defaultRequiresApproval == null
                    && enableParallelExecution == null && metadata == null) {
                throw new ConfigurationException("ToolUpdate sets nothing: set at least one part");
            }
            return new ToolUpdate(this);
        }
    }
}

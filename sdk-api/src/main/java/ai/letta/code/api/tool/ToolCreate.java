package ai.letta.code.api.tool;

import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.internal.Checks;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A tool to create or upsert ({@code ToolCreate}: {@code POST /v1/tools/}, {@code PUT /v1/tools/}) from its source
 * code, the only required part. The server derives the tool's name from the JSON schema, or from the source's
 * function when no schema is given. Parts not set are not sent, so the server's defaults apply ({@code python},
 * a return limit of 50000 characters).
 *
 * <pre>{@code
 * ToolCreate roll = ToolCreate.builder("def roll_dice() -> int:\n    \"\"\"Roll a die.\"\"\"\n    return 4\n")
 *         .description("Roll a six-sided die").tags(List.of("games")).returnCharLimit(100).build();
 * }</pre>
 */
public final class ToolCreate {
    /** The largest {@code return_char_limit} the Letta API accepts. */
    public static final int MAX_RETURN_CHAR_LIMIT = 1_000_000;

    private final String sourceCode;
    private final String sourceType;
    private final String description;
    private final List<String> tags;
    private final Map<String, Object> jsonSchema;
    private final Map<String, Object> argsJsonSchema;
    private final Integer returnCharLimit;
    private final Boolean defaultRequiresApproval;
    private final Boolean enableParallelExecution;

    private ToolCreate(Builder b) {
        this.sourceCode = b.sourceCode;
        this.sourceType = b.sourceType;
        this.description = b.description;
        this.tags = b.tags;
        this.jsonSchema = b.jsonSchema;
        this.argsJsonSchema = b.argsJsonSchema;
        this.returnCharLimit = b.returnCharLimit;
        this.defaultRequiresApproval = b.defaultRequiresApproval;
        this.enableParallelExecution = b.enableParallelExecution;
    }

    /**
     * @param sourceCode the tool's source (not blank)
     * @return a builder
     * @throws ConfigurationException if the source is blank
     */
    public static Builder builder(String sourceCode) {
        return new Builder(sourceCode);
    }

    /** @return the tool's source code */
    public String sourceCode() {
        return sourceCode;
    }

    /** @return the language of the source, if set */
    public Optional<String> sourceType() {
        return Optional.ofNullable(sourceType);
    }

    /** @return what the tool does, if set */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** @return its tags, if set */
    public Optional<List<String>> tags() {
        return Optional.ofNullable(tags);
    }

    /** @return its JSON schema, if set */
    public Optional<Map<String, Object>> jsonSchema() {
        return Optional.ofNullable(jsonSchema);
    }

    /** @return the JSON schema of its arguments, if set */
    public Optional<Map<String, Object>> argsJsonSchema() {
        return Optional.ofNullable(argsJsonSchema);
    }

    /** @return the most characters of a result returned to the agent, if set */
    public OptionalInt returnCharLimit() {
        return returnCharLimit == null ? OptionalInt.empty() : OptionalInt.of(returnCharLimit);
    }

    /** @return whether calls need approval by default, if set */
    public Optional<Boolean> defaultRequiresApproval() {
        return Optional.ofNullable(defaultRequiresApproval);
    }

    /** @return whether calls may run in parallel, if set */
    public Optional<Boolean> enableParallelExecution() {
        return Optional.ofNullable(enableParallelExecution);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ToolCreate c && sourceCode.equals(c.sourceCode) && Objects.equals(sourceType, c.sourceType)
                && Objects.equals(description, c.description) && Objects.equals(tags, c.tags)
                && Objects.equals(jsonSchema, c.jsonSchema) && Objects.equals(argsJsonSchema, c.argsJsonSchema)
                && Objects.equals(returnCharLimit, c.returnCharLimit)
                && Objects.equals(defaultRequiresApproval, c.defaultRequiresApproval)
                && Objects.equals(enableParallelExecution, c.enableParallelExecution);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sourceCode, sourceType, description, tags, jsonSchema, argsJsonSchema, returnCharLimit,
                defaultRequiresApproval, enableParallelExecution);
    }

    @Override
    public String toString() {
        return "ToolCreate[sourceCode=<" + sourceCode.length() + " chars>, sourceType=" + sourceType
                + ", description=" + description + ", tags=" + tags + ", jsonSchema=" + jsonSchema
                + ", returnCharLimit=" + returnCharLimit + ", defaultRequiresApproval=" + defaultRequiresApproval
                + ", enableParallelExecution=" + enableParallelExecution + "]";
    }

    static int checkedLimit(int limit, String field) {
        if (limit < 1 || limit > MAX_RETURN_CHAR_LIMIT) {
            throw new ConfigurationException(field + " must be between 1 and " + MAX_RETURN_CHAR_LIMIT + " (got "
                    + limit + ")");
        }
        return limit;
    }

    static List<String> checkedTags(List<String> tags, String field) {
        Checks.requireNonNull(tags, field);
        tags.forEach(tag -> Checks.requireText(tag, field + " element"));
        return List.copyOf(tags);
    }

    static Map<String, Object> checkedSchema(Map<String, Object> schema, String field) {
        return ToolInfo.unmodifiable(Checks.requireNonNull(schema, field));
    }

    /** Builds a {@link ToolCreate}; each setter checks its value. Not thread-safe. */
    public static final class Builder {
        private final String sourceCode;
        private String sourceType;
        private String description;
        private List<String> tags;
        private Map<String, Object> jsonSchema;
        private Map<String, Object> argsJsonSchema;
        private Integer returnCharLimit;
        private Boolean defaultRequiresApproval;
        private Boolean enableParallelExecution;

        private Builder(String sourceCode) {
            this.sourceCode = Checks.requireText(sourceCode, "ToolCreate.sourceCode");
        }

        /**
         * @param sourceType the language of the source, e.g. {@code python} (the server's default) or
         *     {@code typescript}
         * @return this
         */
        public Builder sourceType(String sourceType) {
            this.sourceType = Checks.requireText(sourceType, "ToolCreate.sourceType");
            return this;
        }

        /**
         * @param description what the tool does
         * @return this
         */
        public Builder description(String description) {
            this.description = Checks.requireNonNull(description, "ToolCreate.description");
            return this;
        }

        /**
         * @param tags its tags (copied; none blank)
         * @return this
         */
        public Builder tags(List<String> tags) {
            this.tags = checkedTags(tags, "ToolCreate.tags");
            return this;
        }

        /**
         * @param jsonSchema its JSON schema ({@code name}, {@code description}, {@code parameters}) as plain Java
         *     values (copied)
         * @return this
         */
        public Builder jsonSchema(Map<String, Object> jsonSchema) {
            this.jsonSchema = checkedSchema(jsonSchema, "ToolCreate.jsonSchema");
            return this;
        }

        /**
         * @param argsJsonSchema the JSON schema of its arguments (copied)
         * @return this
         */
        public Builder argsJsonSchema(Map<String, Object> argsJsonSchema) {
            this.argsJsonSchema = checkedSchema(argsJsonSchema, "ToolCreate.argsJsonSchema");
            return this;
        }

        /**
         * @param limit the most characters of a result returned to the agent, 1 to
         *     {@value ToolCreate#MAX_RETURN_CHAR_LIMIT}
         * @return this
         */
        public Builder returnCharLimit(int limit) {
            this.returnCharLimit = checkedLimit(limit, "ToolCreate.returnCharLimit");
            return this;
        }

        /**
         * @param required whether calls need approval unless an agent says otherwise
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

        /** @return the request */
        public ToolCreate build() {
            return new ToolCreate(this);
        }
    }
}

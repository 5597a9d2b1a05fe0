package ai.letta.code.api.archive;

import ai.letta.code.internal.Checks;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link Archives#create} sends ({@code ArchiveCreateRequest}): a name, and optionally a description and the
 * embedding model (by handle, or, deprecated on the server, as a whole {@code embedding_config}). Immutable.
 *
 * <pre>{@code
 * ArchiveCreate.builder("research").description("papers we read").embedding("openai/text-embedding-3-small").build()
 * }</pre>
 */
public final class ArchiveCreate {
    private final String name;
    private final String description;
    private final String embedding;
    private final Map<String, Object> embeddingConfig;

    private ArchiveCreate(Builder builder) {
        this.name = builder.name;
        this.description = builder.description;
        this.embedding = builder.embedding;
        this.embeddingConfig = builder.embeddingConfig;
    }

    /**
     * @param name the archive's name
     * @return a builder
     * @throws ai.letta.code.api.exception.ConfigurationException if the name is blank
     */
    public static Builder builder(String name) {
        return new Builder(Checks.requireText(name, "ArchiveCreate.name"));
    }

    /** @return the archive's name */
    public String name() {
        return name;
    }

    /** @return its description, if set */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** @return the embedding model's handle, if set */
    public Optional<String> embedding() {
        return Optional.ofNullable(embedding);
    }

    /** @return the whole {@code embedding_config}, if set (the server deprecates it in favour of a handle) */
    public Optional<Map<String, Object>> embeddingConfig() {
        return Optional.ofNullable(embeddingConfig);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ArchiveCreate o && name.equals(o.name) && Objects.equals(description, o.description)
                && Objects.equals(embedding, o.embedding) && Objects.equals(embeddingConfig, o.embeddingConfig);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, description, embedding, embeddingConfig);
    }

    @Override
    public String toString() {
        return "ArchiveCreate[name=" + name + ", description=" + description + ", embedding=" + embedding
                + ", embeddingConfig=" + embeddingConfig + "]";
    }

    /** Builds an {@link ArchiveCreate}; each setter checks its value. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private String description;
        private String embedding;
        private Map<String, Object> embeddingConfig;

        private Builder(String name) {
            this.name = name;
        }

        /**
         * @param description what the archive holds
         * @return this
         */
        public Builder description(String description) {
            this.description = Checks.requireNonNull(description, "ArchiveCreate.description");
            return this;
        }

        /**
         * @param handle the embedding model's handle, e.g. {@code openai/text-embedding-3-small}
         * @return this
         */
        public Builder embedding(String handle) {
            this.embedding = Checks.requireText(handle, "ArchiveCreate.embedding");
            return this;
        }

        /**
         * @param config a whole {@code EmbeddingConfig} ({@code embedding_endpoint_type}, {@code embedding_model},
         *     {@code embedding_dim}, ...), for servers that predate handles
         * @return this
         */
        public Builder embeddingConfig(Map<String, Object> config) {
            Checks.requireNonNull(config, "ArchiveCreate.embeddingConfig");
            this.embeddingConfig = ArchiveInfo.copy(config);
            return this;
        }

        /** @return the request */
        public ArchiveCreate build() {
            return new ArchiveCreate(this);
        }
    }
}

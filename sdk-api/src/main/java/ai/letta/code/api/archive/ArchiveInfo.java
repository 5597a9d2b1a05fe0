package ai.letta.code.api.archive;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An archive: a named store of passages (archival memory) that agents attach to search and write. Immutable;
 * {@link #extras()} keeps the fields of the server's {@code Archive} this SDK does not model, so a newer server's
 * additions stay reachable.
 */
public final class ArchiveInfo {
    private final String id;
    private final String name;
    private final String description;
    private final String embedding;
    private final String vectorDbProvider;
    private final Map<String, Object> metadata;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final Map<String, Object> extras;

    /**
     * For transports, which decode it from their peer.
     *
     * @param id the archive id ({@code archive-…})
     * @param name its name
     * @param description its description, or {@code null}
     * @param embedding the embedding model's handle (e.g. {@code openai/text-embedding-3-small}), or {@code null}
     * @param vectorDbProvider where its vectors live ({@code native}, {@code tpuf}, {@code pinecone}), or {@code null}
     * @param metadata its metadata ({@code null} for none)
     * @param createdAt when it was created, or {@code null}
     * @param updatedAt when it last changed, or {@code null}
     * @param extras the server's fields this SDK does not model ({@code null} for none)
     */
    public ArchiveInfo(String id, String name, String description, String embedding, String vectorDbProvider,
            Map<String, Object> metadata, Instant createdAt, Instant updatedAt, Map<String, Object> extras) {
        this.id = id;
        this.name = name;
        this.description = description;
        this.embedding = embedding;
        this.vectorDbProvider = vectorDbProvider;
        this.metadata = copy(metadata);
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.extras = copy(extras);
    }

    /** @return the archive id ({@code archive-…}) */
    public String id() {
        return id;
    }

    /** @return its name */
    public String name() {
        return name;
    }

    /** @return its description, if any */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** @return the handle of the embedding model its passages are embedded with, if the server says */
    public Optional<String> embedding() {
        return Optional.ofNullable(embedding);
    }

    /** @return where its vectors live ({@code native}, {@code tpuf}, {@code pinecone}), if the server says */
    public Optional<String> vectorDbProvider() {
        return Optional.ofNullable(vectorDbProvider);
    }

    /** @return its metadata as plain Java values (empty for none) */
    public Map<String, Object> metadata() {
        return metadata;
    }

    /** @return when it was created, if known */
    public Optional<Instant> createdAt() {
        return Optional.ofNullable(createdAt);
    }

    /** @return when it last changed, if known */
    public Optional<Instant> updatedAt() {
        return Optional.ofNullable(updatedAt);
    }

    /** @return the server's fields this SDK does not model, as plain Java values (JSON nulls kept as {@code null}) */
    public Map<String, Object> extras() {
        return extras;
    }

    static Map<String, Object> copy(Map<String, Object> map) {
        // Map.copyOf refuses the nulls JSON carries.
        return map == null || map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ArchiveInfo o && Objects.equals(id, o.id) && Objects.equals(name, o.name)
                && Objects.equals(description, o.description) && Objects.equals(embedding, o.embedding)
                && Objects.equals(vectorDbProvider, o.vectorDbProvider) && metadata.equals(o.metadata)
                && Objects.equals(createdAt, o.createdAt) && Objects.equals(updatedAt, o.updatedAt)
                && extras.equals(o.extras);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, description, embedding, vectorDbProvider, metadata, createdAt, updatedAt,
                extras);
    }

    @Override
    public String toString() {
        return "ArchiveInfo[id=" + id + ", name=" + name + ", description=" + description + ", embedding="
                + embedding + ", vectorDbProvider=" + vectorDbProvider + ", metadata=" + metadata + ", createdAt="
                + createdAt + ", updatedAt=" + updatedAt + ", extras=" + extras + "]";
    }
}

package ai.letta.code.api.archive;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A passage: one entry of an archive, the unit of archival memory an agent searches. Immutable; {@link #extras()}
 * keeps the fields of the server's {@code Passage} this SDK does not model (its embedding vector, file and source
 * references, ...).
 */
public final class PassageInfo {
    private final String id;
    private final String text;
    private final String archiveId;
    private final List<String> tags;
    private final Map<String, Object> metadata;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final Map<String, Object> extras;

    /**
     * For transports, which decode it from their peer.
     *
     * @param id the passage id ({@code passage-…})
     * @param text its text
     * @param archiveId the archive it belongs to, or {@code null}
     * @param tags its tags ({@code null} for none)
     * @param metadata its metadata ({@code null} for none)
     * @param createdAt when it was written, or {@code null}
     * @param updatedAt when it last changed, or {@code null}
     * @param extras the server's fields this SDK does not model ({@code null} for none)
     */
    public PassageInfo(String id, String text, String archiveId, List<String> tags, Map<String, Object> metadata,
            Instant createdAt, Instant updatedAt, Map<String, Object> extras) {
        this.id = id;
        this.text = text == null ? "" : text;
        this.archiveId = archiveId;
        this.tags = tags == null ? List.of() : tags.stream().filter(Objects::nonNull).toList();
        this.metadata = ArchiveInfo.copy(metadata);
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.extras = ArchiveInfo.copy(extras);
    }

    /** @return the passage id ({@code passage-…}) */
    public String id() {
        return id;
    }

    /** @return its text */
    public String text() {
        return text;
    }

    /** @return the archive it belongs to, if the server says */
    public Optional<String> archiveId() {
        return Optional.ofNullable(archiveId);
    }

    /** @return its tags (empty for none) */
    public List<String> tags() {
        return tags;
    }

    /** @return its metadata as plain Java values (empty for none) */
    public Map<String, Object> metadata() {
        return metadata;
    }

    /** @return when it was written, if known */
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

    @Override
    public boolean equals(Object other) {
        return other instanceof PassageInfo o && Objects.equals(id, o.id) && text.equals(o.text)
                && Objects.equals(archiveId, o.archiveId) && tags.equals(o.tags) && metadata.equals(o.metadata)
                && Objects.equals(createdAt, o.createdAt) && Objects.equals(updatedAt, o.updatedAt)
                && extras.equals(o.extras);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, text, archiveId, tags, metadata, createdAt, updatedAt, extras);
    }

    @Override
    public String toString() {
        return "PassageInfo[id=" + id + ", text=" + text + ", archiveId=" + archiveId + ", tags=" + tags
                + ", metadata=" + metadata + ", createdAt=" + createdAt + ", updatedAt=" + updatedAt + ", extras="
                + extras.keySet() + "]";
    }
}

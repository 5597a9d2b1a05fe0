package ai.letta.code.api.archive;

import ai.letta.code.internal.Checks;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One passage to write ({@code PassageCreateRequest}, or {@code CreateArchivalMemory} for an agent's archival
 * memory, which takes no metadata): its text, and optionally tags, metadata and the time it records. Immutable.
 *
 * <pre>{@code
 * PassageCreate.builder("The user's cat is called Miso.").tags(List.of("pets")).build()
 * }</pre>
 */
public final class PassageCreate {
    private final String text;
    private final List<String> tags;
    private final Map<String, Object> metadata;
    private final Instant createdAt;

    private PassageCreate(Builder builder) {
        this.text = builder.text;
        this.tags = builder.tags;
        this.metadata = builder.metadata;
        this.createdAt = builder.createdAt;
    }

    /**
     * @param text the passage's text
     * @return a passage of that text alone
     * @throws ai.letta.code.api.exception.ConfigurationException if the text is blank
     */
    public static PassageCreate of(String text) {
        return builder(text).build();
    }

    /**
     * @param text the passage's text
     * @return a builder
     * @throws ai.letta.code.api.exception.ConfigurationException if the text is blank
     */
    public static Builder builder(String text) {
        return new Builder(Checks.requireText(text, "PassageCreate.text"));
    }

    /** @return the passage's text */
    public String text() {
        return text;
    }

    /** @return its tags, if set */
    public Optional<List<String>> tags() {
        return Optional.ofNullable(tags);
    }

    /** @return its metadata, if set */
    public Optional<Map<String, Object>> metadata() {
        return Optional.ofNullable(metadata);
    }

    /** @return the time it records, if set (otherwise the server's now) */
    public Optional<Instant> createdAt() {
        return Optional.ofNullable(createdAt);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PassageCreate o && text.equals(o.text) && Objects.equals(tags, o.tags)
                && Objects.equals(metadata, o.metadata) && Objects.equals(createdAt, o.createdAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, tags, metadata, createdAt);
    }

    @Override
    public String toString() {
        return "PassageCreate[text=" + text + ", tags=" + tags + ", metadata=" + metadata + ", createdAt="
                + createdAt + "]";
    }

    /** Builds a {@link PassageCreate}; each setter checks its value. Not thread-safe. */
    public static final class Builder {
        private final String text;
        private List<String> tags;
        private Map<String, Object> metadata;
        private Instant createdAt;

        private Builder(String text) {
            this.text = text;
        }

        /**
         * @param tags its tags, each non-blank
         * @return this
         */
        public Builder tags(List<String> tags) {
            Checks.requireNonNull(tags, "PassageCreate.tags");
            tags.forEach(tag -> Checks.requireText(tag, "PassageCreate.tags[]"));
            this.tags = List.copyOf(tags);
            return this;
        }

        /**
         * @param metadata its metadata (not accepted by an agent's archival memory)
         * @return this
         */
        public Builder metadata(Map<String, Object> metadata) {
            Checks.requireNonNull(metadata, "PassageCreate.metadata");
            this.metadata = ArchiveInfo.copy(metadata);
            return this;
        }

        /**
         * @param createdAt the time the passage records
         * @return this
         */
        public Builder createdAt(Instant createdAt) {
            this.createdAt = Checks.requireNonNull(createdAt, "PassageCreate.createdAt");
            return this;
        }

        /** @return the passage */
        public PassageCreate build() {
            return new PassageCreate(this);
        }
    }
}

package ai.letta.code.api.archive;

import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.internal.Checks;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A passage search: the query text, and optionally tags (any or all of them), a time window, the most results,
 * and (for {@link Passages#search(PassageSearch)}) the agent or archive to search in. Immutable.
 *
 * <pre>{@code
 * PassageSearch.builder().query("cat").tags(List.of("pets")).limit(5).build()
 * }</pre>
 */
public final class PassageSearch {
    /** The server's cap on {@link #limit()} for {@code POST /v1/passages/search}. */
    public static final int MAX_LIMIT = 100;

    private final String query;
    private final List<String> tags;
    private final boolean matchAllTags;
    private final Instant start;
    private final Instant end;
    private final Integer limit;
    private final String agentId;
    private final String archiveId;

    private PassageSearch(Builder builder) {
        this.query = builder.query;
        this.tags = builder.tags;
        this.matchAllTags = builder.matchAllTags;
        this.start = builder.start;
        this.end = builder.end;
        this.limit = builder.limit;
        this.agentId = builder.agentId;
        this.archiveId = builder.archiveId;
    }

    /**
     * @param query the text to search for
     * @return a search for that text alone
     */
    public static PassageSearch of(String query) {
        return builder().query(query).build();
    }

    /** @return a builder with nothing set */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the text to search for, if set */
    public Optional<String> query() {
        return Optional.ofNullable(query);
    }

    /** @return the tags a result must carry (empty for any) */
    public List<String> tags() {
        return tags;
    }

    /** @return whether a result must carry all of {@link #tags()} (otherwise any one) */
    public boolean matchAllTags() {
        return matchAllTags;
    }

    /** @return the earliest time a result may record, if set */
    public Optional<Instant> start() {
        return Optional.ofNullable(start);
    }

    /** @return the latest time a result may record, if set */
    public Optional<Instant> end() {
        return Optional.ofNullable(end);
    }

    /** @return the most results, if set (otherwise the server's default) */
    public OptionalInt limit() {
        return limit == null ? OptionalInt.empty() : OptionalInt.of(limit);
    }

    /** @return the agent whose archival memory to search, if set */
    public Optional<String> agentId() {
        return Optional.ofNullable(agentId);
    }

    /** @return the archive to search, if set */
    public Optional<String> archiveId() {
        return Optional.ofNullable(archiveId);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PassageSearch o && Objects.equals(query, o.query) && tags.equals(o.tags)
                && matchAllTags == o.matchAllTags && Objects.equals(start, o.start) && Objects.equals(end, o.end)
                && Objects.equals(limit, o.limit) && Objects.equals(agentId, o.agentId)
                && Objects.equals(archiveId, o.archiveId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(query, tags, matchAllTags, start, end, limit, agentId, archiveId);
    }

    @Override
    public String toString() {
        return "PassageSearch[query=" + query + ", tags=" + tags + ", matchAllTags=" + matchAllTags + ", start="
                + start + ", end=" + end + ", limit=" + limit + ", agentId=" + agentId + ", archiveId=" + archiveId
                + "]";
    }

    /** Builds a {@link PassageSearch}; each setter checks its value. Not thread-safe. */
    public static final class Builder {
        private String query;
        private List<String> tags = List.of();
        private boolean matchAllTags;
        private Instant start;
        private Instant end;
        private Integer limit;
        private String agentId;
        private String archiveId;

        private Builder() {
        }

        /**
         * @param query the text to search for
         * @return this
         */
        public Builder query(String query) {
            this.query = Checks.requireText(query, "PassageSearch.query");
            return this;
        }

        /**
         * @param tags tags a result must carry (any one of them, unless {@link #matchAllTags()})
         * @return this
         */
        public Builder tags(List<String> tags) {
            Checks.requireNonNull(tags, "PassageSearch.tags");
            tags.forEach(tag -> Checks.requireText(tag, "PassageSearch.tags[]"));
            this.tags = List.copyOf(tags);
            return this;
        }

        /** @return this, requiring every one of the tags instead of any one */
        public Builder matchAllTags() {
            this.matchAllTags = true;
            return this;
        }

        /**
         * @param start the earliest time a result may record
         * @return this
         */
        public Builder start(Instant start) {
            this.start = Checks.requireNonNull(start, "PassageSearch.start");
            return this;
        }

        /**
         * @param end the latest time a result may record
         * @return this
         */
        public Builder end(Instant end) {
            this.end = Checks.requireNonNull(end, "PassageSearch.end");
            return this;
        }

        /**
         * @param limit the most results, 1 to {@value PassageSearch#MAX_LIMIT}
         * @return this
         */
        public Builder limit(int limit) {
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new ConfigurationException("PassageSearch.limit must be 1 to " + MAX_LIMIT + " (got " + limit
                        + ")");
            }
            this.limit = limit;
            return this;
        }

        /**
         * @param agentId the agent whose archival memory to search (for {@link Passages#search(PassageSearch)})
         * @return this
         */
        public Builder agentId(String agentId) {
            this.agentId = Checks.requireId(agentId, "PassageSearch.agentId", "agent");
            return this;
        }

        /**
         * @param archiveId the archive to search (for {@link Passages#search(PassageSearch)})
         * @return this
         */
        public Builder archiveId(String archiveId) {
            this.archiveId = Checks.requireId(archiveId, "PassageSearch.archiveId", "archive");
            return this;
        }

        /**
         * @return the search
         * @throws ConfigurationException if the window ends before it starts
         */
        public PassageSearch build() {
            if (start != null && end != null && end.isBefore(start)) {
                throw new ConfigurationException("PassageSearch.end (" + end + ") is before PassageSearch.start ("
                        + start + ")");
            }
            return new PassageSearch(this);
        }
    }
}

package ai.letta.code.api.tool;

import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.internal.Checks;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A semantic or full-text search over tools ({@code ToolSearchRequest} of {@code POST /v1/tools/search}).
 *
 * <pre>{@code
 * List<ToolSearchResult> hits = client.tools().search(ToolSearch.builder().query("roll dice").limit(5).build());
 * }</pre>
 */
public final class ToolSearch {
    /** The largest {@code limit} the Letta API accepts. */
    public static final int MAX_LIMIT = 100;

    /** How the server matches ({@code search_mode}). */
    public enum Mode {
        /** By embedding similarity. */
        VECTOR,
        /** By full-text search. */
        FTS,
        /** Both, combined (the server's default). */
        HYBRID;

        /** @return the wire value, e.g. {@code hybrid} */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final String query;
    private final Mode mode;
    private final List<String> toolTypes;
    private final List<String> tags;
    private final Integer limit;

    private ToolSearch(Builder b) {
        this.query = b.query;
        this.mode = b.mode;
        this.toolTypes = b.toolTypes;
        this.tags = b.tags;
        this.limit = b.limit;
    }

    /** @return a builder of a search */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param query the text to look for
     * @return a search for it with the server's defaults
     */
    public static ToolSearch query(String query) {
        return builder().query(query).build();
    }

    /** @return the text to look for, if set */
    public Optional<String> query() {
        return Optional.ofNullable(query);
    }

    /** @return how to match, if set */
    public Optional<Mode> mode() {
        return Optional.ofNullable(mode);
    }

    /** @return the types wanted, if set */
    public Optional<List<String>> toolTypes() {
        return Optional.ofNullable(toolTypes);
    }

    /** @return the tags wanted, if set */
    public Optional<List<String>> tags() {
        return Optional.ofNullable(tags);
    }

    /** @return the most results, if set */
    public OptionalInt limit() {
        return limit == null ? OptionalInt.empty() : OptionalInt.of(limit);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ToolSearch s && Objects.equals(query, s.query) && mode == s.mode
                && Objects.equals(toolTypes, s.toolTypes) && Objects.equals(tags, s.tags)
                && Objects.equals(limit, s.limit);
    }

    @Override
    public int hashCode() {
        return Objects.hash(query, mode, toolTypes, tags, limit);
    }

    @Override
    public String toString() {
        return "ToolSearch[query=" + query + ", mode=" + mode + ", toolTypes=" + toolTypes + ", tags=" + tags
                + ", limit=" + limit + "]";
    }

    /** Builds a {@link ToolSearch}; each setter checks its value. Not thread-safe. */
    public static final class Builder {
        private String query;
        private Mode mode;
        private List<String> toolTypes;
        private List<String> tags;
        private Integer limit;

        private Builder() {
        }

        /**
         * @param query the text to look for (not blank)
         * @return this
         */
        public Builder query(String query) {
            this.query = Checks.requireText(query, "ToolSearch.query");
            return this;
        }

        /**
         * @param mode how to match
         * @return this
         */
        public Builder mode(Mode mode) {
            this.mode = Checks.requireNonNull(mode, "ToolSearch.mode");
            return this;
        }

        /**
         * @param types the types wanted (copied; none blank)
         * @return this
         */
        public Builder toolTypes(List<String> types) {
            this.toolTypes = ToolCreate.checkedTags(types, "ToolSearch.toolTypes");
            return this;
        }

        /**
         * @param tags the tags wanted (copied; none blank)
         * @return this
         */
        public Builder tags(List<String> tags) {
            this.tags = ToolCreate.checkedTags(tags, "ToolSearch.tags");
            return this;
        }

        /**
         * @param limit the most results, 1 to {@value ToolSearch#MAX_LIMIT}
         * @return this
         */
        public Builder limit(int limit) {
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new ConfigurationException("ToolSearch.limit must be between 1 and " + MAX_LIMIT + " (got "
                        + limit + ")");
            }
            this.limit = limit;
            return this;
        }

        /** @return the search */
        public ToolSearch build() {
            return new ToolSearch(this);
        }
    }
}

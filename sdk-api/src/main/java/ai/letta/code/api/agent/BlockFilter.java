package ai.letta.code.api.agent;

import ai.letta.code.internal.Checks;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which standalone blocks {@link Blocks#list(BlockFilter, ai.letta.code.api.conversation.PageRequest)} and {@link Blocks#count(BlockFilter)}
 * return ({@code GET /v1/blocks/} and {@code /v1/blocks/count}): all of them unless a part is set. The searches
 * ({@code labelSearch}, {@code descriptionSearch}, {@code valueSearch}) apply to lists only: the Letta API's count
 * takes {@code label}, {@code name} and {@code tags}, so counting with a search is refused.
 *
 * @see ai.letta.code.api.conversation.PageRequest
 */
public final class BlockFilter {
    private static final BlockFilter ALL = builder().build();

    private final String label;
    private final String name;
    private final String labelSearch;
    private final String descriptionSearch;
    private final String valueSearch;
    private final List<String> tags;
    private final boolean matchAllTags;

    private BlockFilter(Builder b) {
        this.label = b.label;
        this.name = b.name;
        this.labelSearch = b.labelSearch;
        this.descriptionSearch = b.descriptionSearch;
        this.valueSearch = b.valueSearch;
        this.tags = b.tags;
        this.matchAllTags = b.matchAllTags;
    }

    /** @return the filter that keeps every block */
    public static BlockFilter all() {
        return ALL;
    }

    /**
     * @param label the exact label
     * @return a filter for the blocks with that label
     */
    public static BlockFilter label(String label) {
        return builder().label(label).build();
    }

    /** @return a builder of a filter */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the exact label wanted ({@code label}), if set */
    public Optional<String> label() {
        return Optional.ofNullable(label);
    }

    /** @return the block (template) name wanted ({@code name}), if set */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** @return text the label must contain ({@code label_search}), if set */
    public Optional<String> labelSearch() {
        return Optional.ofNullable(labelSearch);
    }

    /** @return text the description must contain ({@code description_search}), if set */
    public Optional<String> descriptionSearch() {
        return Optional.ofNullable(descriptionSearch);
    }

    /** @return text the value must contain ({@code value_search}), if set */
    public Optional<String> valueSearch() {
        return Optional.ofNullable(valueSearch);
    }

    /** @return the tags wanted ({@code tags}); empty for any */
    public List<String> tags() {
        return tags;
    }

    /** @return whether a block must carry every tag ({@code match_all_tags}) rather than any */
    public boolean matchAllTags() {
        return matchAllTags;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlockFilter f && Objects.equals(label, f.label) && Objects.equals(name, f.name)
                && Objects.equals(labelSearch, f.labelSearch) && Objects.equals(descriptionSearch, f.descriptionSearch)
                && Objects.equals(valueSearch, f.valueSearch) && tags.equals(f.tags) && matchAllTags == f.matchAllTags;
    }

    @Override
    public int hashCode() {
        return Objects.hash(label, name, labelSearch, descriptionSearch, valueSearch, tags, matchAllTags);
    }

    @Override
    public String toString() {
        return "BlockFilter[label=" + label + ", name=" + name + ", labelSearch=" + labelSearch
                + ", descriptionSearch=" + descriptionSearch + ", valueSearch=" + valueSearch + ", tags=" + tags
                + ", matchAllTags=" + matchAllTags + "]";
    }

    /** Builds a {@link BlockFilter}; each setter checks its value. Not thread-safe. */
    public static final class Builder {
        private String label;
        private String name;
        private String labelSearch;
        private String descriptionSearch;
        private String valueSearch;
        private List<String> tags = List.of();
        private boolean matchAllTags;

        private Builder() {
        }

        /**
         * @param label the exact label, checked by {@link MemoryBlock#requireLabel}
         * @return this
         */
        public Builder label(String label) {
            this.label = MemoryBlock.requireLabel(label, "BlockFilter.label");
            return this;
        }

        /**
         * @param name the block (template) name
         * @return this
         */
        public Builder name(String name) {
            this.name = Checks.requireText(name, "BlockFilter.name");
            return this;
        }

        /**
         * @param text text the label must contain
         * @return this
         */
        public Builder labelSearch(String text) {
            this.labelSearch = Checks.requireText(text, "BlockFilter.labelSearch");
            return this;
        }

        /**
         * @param text text the description must contain
         * @return this
         */
        public Builder descriptionSearch(String text) {
            this.descriptionSearch = Checks.requireText(text, "BlockFilter.descriptionSearch");
            return this;
        }

        /**
         * @param text text the value must contain
         * @return this
         */
        public Builder valueSearch(String text) {
            this.valueSearch = Checks.requireText(text, "BlockFilter.valueSearch");
            return this;
        }

        /**
         * @param tags the tags wanted (copied; none blank)
         * @param matchAll whether a block must carry all of them rather than any
         * @return this
         */
        public Builder tags(List<String> tags, boolean matchAll) {
            this.tags = BlockUpdate.checkedTags(tags, "BlockFilter.tags");
            this.matchAllTags = matchAll;
            return this;
        }

        /** @return the filter */
        public BlockFilter build() {
            return new BlockFilter(this);
        }
    }
}

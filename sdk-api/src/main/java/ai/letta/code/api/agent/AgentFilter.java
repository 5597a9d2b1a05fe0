package ai.letta.code.api.agent;

import ai.letta.code.internal.Checks;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which agents {@link Agents#list(AgentFilter, ai.letta.code.api.conversation.PageRequest)} and
 * {@link Agents#count(AgentFilter)} return ({@code GET /v1/agents/} and {@code /v1/agents/count}): all of them
 * unless a part is set.
 */
public final class AgentFilter {
    private static final AgentFilter ALL = builder().build();

    private final String name;
    private final List<String> tags;
    private final boolean matchAllTags;
    private final String queryText;

    private AgentFilter(Builder b) {
        this.name = b.name;
        this.tags = b.tags;
        this.matchAllTags = b.matchAllTags;
        this.queryText = b.queryText;
    }

    /** @return the filter that keeps every agent */
    public static AgentFilter all() {
        return ALL;
    }

    /** @return a builder of a filter */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the exact name wanted ({@code name}), if set */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** @return the tags wanted ({@code tags}); empty for any */
    public List<String> tags() {
        return tags;
    }

    /** @return whether an agent must carry every tag ({@code match_all_tags}) rather than any */
    public boolean matchAllTags() {
        return matchAllTags;
    }

    /** @return text the agent's name must contain ({@code query_text}), if set */
    public Optional<String> queryText() {
        return Optional.ofNullable(queryText);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AgentFilter f && Objects.equals(name, f.name) && tags.equals(f.tags)
                && matchAllTags == f.matchAllTags && Objects.equals(queryText, f.queryText);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, tags, matchAllTags, queryText);
    }

    @Override
    public String toString() {
        return "AgentFilter[name=" + name + ", tags=" + tags + ", matchAllTags=" + matchAllTags + ", queryText="
                + queryText + "]";
    }

    /** Builds an {@link AgentFilter}; each setter checks its value. Not thread-safe. */
    public static final class Builder {
        private String name;
        private List<String> tags = List.of();
        private boolean matchAllTags;
        private String queryText;

        private Builder() {
        }

        /**
         * @param name the exact agent name
         * @return this
         */
        public Builder name(String name) {
            this.name = Checks.requireText(name, "AgentFilter.name");
            return this;
        }

        /**
         * @param tags the tags wanted (copied; none blank)
         * @param matchAll whether an agent must carry all of them rather than any
         * @return this
         */
        public Builder tags(List<String> tags, boolean matchAll) {
            this.tags = BlockUpdate.checkedTags(tags, "AgentFilter.tags");
            this.matchAllTags = matchAll;
            return this;
        }

        /**
         * @param text text the agent's name must contain (the Letta API's {@code query_text} search)
         * @return this
         */
        public Builder queryText(String text) {
            this.queryText = Checks.requireText(text, "AgentFilter.queryText");
            return this;
        }

        /** @return the filter */
        public AgentFilter build() {
            return new AgentFilter(this);
        }
    }
}

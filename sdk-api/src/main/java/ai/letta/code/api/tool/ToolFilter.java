package ai.letta.code.api.tool;

import ai.letta.code.internal.Checks;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which tools {@link Tools#list} and {@link Tools#count} return ({@code GET /v1/tools/}, {@code /v1/tools/count}):
 * every tool unless a part is set; the parts combine with "and".
 *
 * <pre>{@code
 * client.tools().list(ToolFilter.builder().search("dice").toolTypes(List.of("custom")).build(), PageRequest.first(20));
 * }</pre>
 */
public final class ToolFilter {
    private static final ToolFilter ALL = builder().build();

    private final String name;
    private final List<String> names;
    private final List<String> toolIds;
    private final String search;
    private final List<String> toolTypes;
    private final List<String> excludeToolTypes;
    private final boolean onlyLettaTools;

    private ToolFilter(Builder b) {
        this.name = b.name;
        this.names = b.names;
        this.toolIds = b.toolIds;
        this.search = b.search;
        this.toolTypes = b.toolTypes;
        this.excludeToolTypes = b.excludeToolTypes;
        this.onlyLettaTools = b.onlyLettaTools;
    }

    /** @return the filter that keeps every tool */
    public static ToolFilter all() {
        return ALL;
    }

    /**
     * @param name a tool name
     * @return a filter for the tool of that name
     */
    public static ToolFilter name(String name) {
        return builder().name(name).build();
    }

    /** @return a builder of a filter */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the exact name wanted ({@code name}), if set */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** @return names any of which a tool must have ({@code names}); empty for any */
    public List<String> names() {
        return names;
    }

    /** @return ids any of which a tool must have ({@code tool_ids}); empty for any */
    public List<String> toolIds() {
        return toolIds;
    }

    /** @return text the name must contain ({@code search}), if set */
    public Optional<String> search() {
        return Optional.ofNullable(search);
    }

    /** @return the types wanted ({@code tool_types}); empty for any */
    public List<String> toolTypes() {
        return toolTypes;
    }

    /** @return the types left out ({@code exclude_tool_types}) */
    public List<String> excludeToolTypes() {
        return excludeToolTypes;
    }

    /** @return whether only Letta's built-in tools are wanted ({@code return_only_letta_tools}) */
    public boolean onlyLettaTools() {
        return onlyLettaTools;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ToolFilter f && Objects.equals(name, f.name) && names.equals(f.names)
                && toolIds.equals(f.toolIds) && Objects.equals(search, f.search) && toolTypes.equals(f.toolTypes)
                && excludeToolTypes.equals(f.excludeToolTypes) && onlyLettaTools == f.onlyLettaTools;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, names, toolIds, search, toolTypes, excludeToolTypes, onlyLettaTools);
    }

    @Override
    public String toString() {
        return "ToolFilter[name=" + name + ", names=" + names + ", toolIds=" + toolIds + ", search=" + search
                + ", toolTypes=" + toolTypes + ", excludeToolTypes=" + excludeToolTypes + ", onlyLettaTools="
                + onlyLettaTools + "]";
    }

    /** Builds a {@link ToolFilter}; each setter checks its value. Not thread-safe. */
    public static final class Builder {
        private String name;
        private List<String> names = List.of();
        private List<String> toolIds = List.of();
        private String search;
        private List<String> toolTypes = List.of();
        private List<String> excludeToolTypes = List.of();
        private boolean onlyLettaTools;

        private Builder() {
        }

        /**
         * @param name the exact tool name
         * @return this
         */
        public Builder name(String name) {
            this.name = Checks.requireText(name, "ToolFilter.name");
            return this;
        }

        /**
         * @param names names any of which a tool must have (copied; none blank)
         * @return this
         */
        public Builder names(List<String> names) {
            this.names = ToolCreate.checkedTags(names, "ToolFilter.names");
            return this;
        }

        /**
         * @param toolIds ids any of which a tool must have (copied; each a tool id)
         * @return this
         */
        public Builder toolIds(List<String> toolIds) {
            Checks.requireNonNull(toolIds, "ToolFilter.toolIds");
            this.toolIds = toolIds.stream().map(id -> Checks.requireId(id, "ToolFilter.toolIds element", "tool"))
                    .toList();
            return this;
        }

        /**
         * @param text text the name must contain
         * @return this
         */
        public Builder search(String text) {
            this.search = Checks.requireText(text, "ToolFilter.search");
            return this;
        }

        /**
         * @param types the types wanted, e.g. {@code custom} (copied; none blank)
         * @return this
         */
        public Builder toolTypes(List<String> types) {
            this.toolTypes = ToolCreate.checkedTags(types, "ToolFilter.toolTypes");
            return this;
        }

        /**
         * @param types the types left out (copied; none blank)
         * @return this
         */
        public Builder excludeToolTypes(List<String> types) {
            this.excludeToolTypes = ToolCreate.checkedTags(types, "ToolFilter.excludeToolTypes");
            return this;
        }

        /**
         * @param only whether only Letta's built-in tools are wanted
         * @return this
         */
        public Builder onlyLettaTools(boolean only) {
            this.onlyLettaTools = only;
            return this;
        }

        /** @return the filter */
        public ToolFilter build() {
            return new ToolFilter(this);
        }
    }
}

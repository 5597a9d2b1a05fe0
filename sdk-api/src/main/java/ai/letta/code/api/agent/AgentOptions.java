package ai.letta.code.api.agent;

import static ai.letta.code.internal.Checks.requireNonNull;
import static ai.letta.code.internal.Checks.requireText;

import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.internal.Checks;
import ai.letta.code.internal.JsonValues;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a new agent is made of ({@code LettaCodeClient.createAgent}). Every part is optional; the peer fills the
 * rest with its defaults. Build with {@link #builder()}.
 *
 * <p>Some parts exist only in the Letta API's create body ({@code POST /v1/agents}): existing blocks and tools to
 * attach ({@link #blockIds()}, {@link #tools()}, {@link #toolIds()}), {@link #metadata()},
 * {@link #enableSleeptime()} and {@link #contextWindowLimit()}. A backend that cannot honour one refuses the
 * create with an {@link ai.letta.code.api.exception.UnsupportedFeatureException} naming it, before anything runs.
 */
public final class AgentOptions {
    private final String name;
    private final String persona;
    private final String human;
    private final List<MemoryBlock> memoryBlocks;
    private final String model;
    private final String embedding;
    private final SystemPrompt systemPrompt;
    private final List<String> tags;
    private final String description;
    private final List<String> blockIds;
    private final List<String> tools;
    private final List<String> toolIds;
    private final Map<String, Object> metadata;
    private final boolean enableSleeptime;
    private final Integer contextWindowLimit;

    private AgentOptions(Builder b) {
        name = b.name;
        persona = b.persona;
        human = b.human;
        memoryBlocks = List.copyOf(b.memoryBlocks);
        model = b.model;
        embedding = b.embedding;
        systemPrompt = b.systemPrompt;
        tags = List.copyOf(b.tags);
        description = b.description;
        blockIds = List.copyOf(b.blockIds);
        tools = List.copyOf(b.tools);
        toolIds = List.copyOf(b.toolIds);
        metadata = b.metadata;
        enableSleeptime = b.enableSleeptime;
        contextWindowLimit = b.contextWindowLimit;
        Set<String> labels = new LinkedHashSet<>();
        if (persona != null) {
            labels.add("persona");
        }
        if (human != null) {
            labels.add("human");
        }
        for (MemoryBlock block : memoryBlocks) {
            if (!labels.add(block.label())) {
                throw new ConfigurationException("AgentOptions has two memory blocks labelled '" + block.label()
                        + "'; labels must be unique (persona/human count as blocks)");
            }
        }
    }

    /** @return a builder with nothing set */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the agent's name, if set */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** @return the {@code persona} block's text, if set */
    public Optional<String> persona() {
        return Optional.ofNullable(persona);
    }

    /** @return the {@code human} block's text, if set */
    public Optional<String> human() {
        return Optional.ofNullable(human);
    }

    /** @return the further memory blocks (labels unique, none named like a set persona/human block) */
    public List<MemoryBlock> memoryBlocks() {
        return memoryBlocks;
    }

    /** @return the model handle, if set */
    public Optional<String> model() {
        return Optional.ofNullable(model);
    }

    /** @return the embedding model handle, if set */
    public Optional<String> embedding() {
        return Optional.ofNullable(embedding);
    }

    /** @return the system prompt, if set */
    public Optional<SystemPrompt> systemPrompt() {
        return Optional.ofNullable(systemPrompt);
    }

    /** @return the tags to find the agent by (may be empty) */
    public List<String> tags() {
        return tags;
    }

    /** @return the description, if set */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** @return the ids of existing blocks ({@code block-…}) to attach, e.g. blocks shared with other agents */
    public List<String> blockIds() {
        return blockIds;
    }

    /** @return the names of existing tools to attach (may be empty) */
    public List<String> tools() {
        return tools;
    }

    /** @return the ids of existing tools ({@code tool-…}) to attach (may be empty) */
    public List<String> toolIds() {
        return toolIds;
    }

    /** @return the agent's metadata: plain JSON values, deeply unmodifiable (empty when not set) */
    public Map<String, Object> metadata() {
        return metadata;
    }

    /** @return whether a sleep-time agent is to manage this agent's memory in the background */
    public boolean enableSleeptime() {
        return enableSleeptime;
    }

    /** @return the most tokens the agent's context window may hold, if set */
    public Optional<Integer> contextWindowLimit() {
        return Optional.ofNullable(contextWindowLimit);
    }

    /**
     * All blocks the agent starts with: persona and human first (when set), then the others.
     *
     * @return the blocks
     */
    public List<MemoryBlock> allBlocks() {
        List<MemoryBlock> all = new ArrayList<>();
        if (persona != null) {
            all.add(MemoryBlock.of("persona", persona));
        }
        if (human != null) {
            all.add(MemoryBlock.of("human", human));
        }
        all.addAll(memoryBlocks);
        return List.copyOf(all);
    }

    private List<Object> parts() {
        return Arrays.asList(name, persona, human, memoryBlocks, model, embedding, systemPrompt, tags,
                description, blockIds, tools, toolIds, metadata, enableSleeptime, contextWindowLimit);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AgentOptions a && parts().equals(a.parts());
    }

    @Override
    public int hashCode() {
        return parts().hashCode();
    }

    @Override
    public String toString() {
        return "AgentOptions[name=" + name + ", persona=" + persona + ", human=" + human + ", memoryBlocks="
                + memoryBlocks + ", model=" + model + ", embedding=" + embedding + ", systemPrompt=" + systemPrompt
                + ", tags=" + tags + ", description=" + description + ", blockIds=" + blockIds + ", tools=" + tools
                + ", toolIds=" + toolIds + ", metadata=" + metadata + ", enableSleeptime=" + enableSleeptime
                + ", contextWindowLimit=" + contextWindowLimit + "]";
    }

    /** Builds {@link AgentOptions}; every setter validates its argument. */
    public static final class Builder {
        private String name;
        private String persona;
        private String human;
        private final List<MemoryBlock> memoryBlocks = new ArrayList<>();
        private String model;
        private String embedding;
        private SystemPrompt systemPrompt;
        private final List<String> tags = new ArrayList<>();
        private String description;
        private final List<String> blockIds = new ArrayList<>();
        private final List<String> tools = new ArrayList<>();
        private final List<String> toolIds = new ArrayList<>();
        private Map<String, Object> metadata = Map.of();
        private boolean enableSleeptime;
        private Integer contextWindowLimit;

        private Builder() {}

        /**
         * @param name the agent's name
         * @return this
         */
        public Builder name(String name) {
            this.name = requireText(name, "AgentOptions.name");
            return this;
        }

        /**
         * @param persona who the agent is (the {@code persona} block)
         * @return this
         */
        public Builder persona(String persona) {
            this.persona = requireNonNull(persona, "AgentOptions.persona");
            return this;
        }

        /**
         * @param human what the agent knows of its user (the {@code human} block)
         * @return this
         */
        public Builder human(String human) {
            this.human = requireNonNull(human, "AgentOptions.human");
            return this;
        }

        /**
         * @param block a further memory block
         * @return this
         */
        public Builder memoryBlock(MemoryBlock block) {
            memoryBlocks.add(requireNonNull(block, "AgentOptions.memoryBlock"));
            return this;
        }

        /**
         * @param blocks further memory blocks
         * @return this
         */
        public Builder memoryBlocks(List<MemoryBlock> blocks) {
            requireNonNull(blocks, "AgentOptions.memoryBlocks").forEach(this::memoryBlock);
            return this;
        }

        /**
         * @param model the model handle, e.g. {@code anthropic/claude-sonnet-4}
         * @return this
         */
        public Builder model(String model) {
            this.model = requireText(model, "AgentOptions.model");
            return this;
        }

        /**
         * @param embedding the embedding model handle
         * @return this
         */
        public Builder embedding(String embedding) {
            this.embedding = requireText(embedding, "AgentOptions.embedding");
            return this;
        }

        /**
         * @param systemPrompt a preset or custom prompt
         * @return this
         */
        public Builder systemPrompt(SystemPrompt systemPrompt) {
            this.systemPrompt = requireNonNull(systemPrompt, "AgentOptions.systemPrompt");
            return this;
        }

        /**
         * @param tag a tag
         * @return this
         */
        public Builder tag(String tag) {
            tags.add(requireText(tag, "AgentOptions.tag"));
            return this;
        }

        /**
         * @param tags tags
         * @return this
         */
        public Builder tags(List<String> tags) {
            requireNonNull(tags, "AgentOptions.tags").forEach(this::tag);
            return this;
        }

        /**
         * @param description a description
         * @return this
         */
        public Builder description(String description) {
            this.description = requireText(description, "AgentOptions.description");
            return this;
        }

        /**
         * @param blockId the id of an existing block to attach ({@code block-…})
         * @return this
         */
        public Builder blockId(String blockId) {
            blockIds.add(Checks.requireId(blockId, "AgentOptions.blockIds", "block"));
            return this;
        }

        /**
         * @param blockIds ids of existing blocks to attach
         * @return this
         */
        public Builder blockIds(List<String> blockIds) {
            requireNonNull(blockIds, "AgentOptions.blockIds").forEach(this::blockId);
            return this;
        }

        /**
         * @param tool the name of an existing tool to attach, e.g. {@code web_search}
         * @return this
         */
        public Builder tool(String tool) {
            tools.add(requireText(tool, "AgentOptions.tools").strip());
            return this;
        }

        /**
         * @param tools names of existing tools to attach
         * @return this
         */
        public Builder tools(List<String> tools) {
            requireNonNull(tools, "AgentOptions.tools").forEach(this::tool);
            return this;
        }

        /**
         * @param toolId the id of an existing tool to attach ({@code tool-…})
         * @return this
         */
        public Builder toolId(String toolId) {
            toolIds.add(Checks.requireId(toolId, "AgentOptions.toolIds", "tool"));
            return this;
        }

        /**
         * @param toolIds ids of existing tools to attach
         * @return this
         */
        public Builder toolIds(List<String> toolIds) {
            requireNonNull(toolIds, "AgentOptions.toolIds").forEach(this::toolId);
            return this;
        }

        /**
         * @param metadata the agent's metadata: plain JSON values (null, strings, booleans, numbers, lists and
         *     string-keyed maps of those), copied deeply
         * @return this
         */
        public Builder metadata(Map<String, ?> metadata) {
            this.metadata = JsonValues.copyOf(metadata, "AgentOptions.metadata");
            return this;
        }

        /**
         * @param enabled whether a sleep-time agent is to manage this agent's memory in the background
         * @return this
         */
        public Builder enableSleeptime(boolean enabled) {
            this.enableSleeptime = enabled;
            return this;
        }

        /**
         * @param tokens the most tokens the agent's context window may hold (positive)
         * @return this
         */
        public Builder contextWindowLimit(int tokens) {
            this.contextWindowLimit = Checks.requirePositive(tokens, "AgentOptions.contextWindowLimit");
            return this;
        }

        /** @return the options */
        public AgentOptions build() {
            return new AgentOptions(this);
        }
    }
}

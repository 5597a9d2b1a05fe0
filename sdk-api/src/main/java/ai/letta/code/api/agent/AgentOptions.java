package ai.letta.code.api.agent;

import static ai.letta.code.internal.Checks.requireNonNull;
import static ai.letta.code.internal.Checks.requireText;

import ai.letta.code.api.exception.ConfigurationException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a new agent is made of ({@code LettaCodeClient.createAgent}). Every part is optional; the peer fills the
 * rest with its defaults. Build with {@link #builder()}.
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

    @Override
    public boolean equals(Object o) {
        return o instanceof AgentOptions a && Objects.equals(name, a.name) && Objects.equals(persona, a.persona)
                && Objects.equals(human, a.human) && memoryBlocks.equals(a.memoryBlocks)
                && Objects.equals(model, a.model) && Objects.equals(embedding, a.embedding)
                && Objects.equals(systemPrompt, a.systemPrompt) && tags.equals(a.tags)
                && Objects.equals(description, a.description);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, persona, human, memoryBlocks, model, embedding, systemPrompt, tags, description);
    }

    @Override
    public String toString() {
        return "AgentOptions[name=" + name + ", persona=" + persona + ", human=" + human + ", memoryBlocks="
                + memoryBlocks + ", model=" + model + ", embedding=" + embedding + ", systemPrompt=" + systemPrompt
                + ", tags=" + tags + ", description=" + description + "]";
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

        /** @return the options */
        public AgentOptions build() {
            return new AgentOptions(this);
        }
    }
}

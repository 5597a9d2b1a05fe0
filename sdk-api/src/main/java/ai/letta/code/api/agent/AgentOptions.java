package ai.letta.code.api.agent;

import static ai.letta.code.api.exception.ConfigurationException.requireNonNull;
import static ai.letta.code.api.exception.ConfigurationException.requireText;

import ai.letta.code.api.exception.ConfigurationException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a new agent is made of ({@code LettaCodeClient.createAgent}). Every field is optional; the peer fills the
 * rest with its defaults.
 *
 * @param name the agent's name, or {@code null}
 * @param persona the {@code persona} block's text, or {@code null}
 * @param human the {@code human} block's text, or {@code null}
 * @param memoryBlocks further memory blocks (labels unique, none named {@code persona}/{@code human} when those are
 *     set)
 * @param model the model handle, or {@code null}
 * @param embedding the embedding model handle, or {@code null}
 * @param systemPrompt the system prompt, or {@code null}
 * @param tags tags to find the agent by
 * @param description a description, or {@code null}
 */
public record AgentOptions(
        String name,
        String persona,
        String human,
        List<MemoryBlock> memoryBlocks,
        String model,
        String embedding,
        SystemPrompt systemPrompt,
        List<String> tags,
        String description) {

    /** Validates and copies. */
    public AgentOptions {
        memoryBlocks = List.copyOf(requireNonNull(memoryBlocks, "AgentOptions.memoryBlocks"));
        tags = List.copyOf(requireNonNull(tags, "AgentOptions.tags"));
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

    /** @return the system prompt, if set */
    public Optional<SystemPrompt> prompt() {
        return Optional.ofNullable(systemPrompt);
    }

    /** @return the model handle, if set */
    public Optional<String> modelHandle() {
        return Optional.ofNullable(model);
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
            return new AgentOptions(name, persona, human, memoryBlocks, model, embedding, systemPrompt, tags,
                    description);
        }
    }
}

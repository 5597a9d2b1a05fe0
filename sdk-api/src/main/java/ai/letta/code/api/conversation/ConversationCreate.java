package ai.letta.code.api.conversation;

import ai.letta.code.api.agent.MemoryBlock;
import ai.letta.code.internal.Checks;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The options of a new conversation ({@code CreateConversation}): a summary, the labels of the agent's blocks it
 * keeps a copy of its own ("isolated" blocks, which its turns write without touching the agent's), and a model
 * handle that overrides the agent's. Nothing set means an empty conversation on the agent's settings. Immutable.
 *
 * <pre>{@code
 * client.conversations().create(agentId, ConversationCreate.builder().summary("triage").model("openai/gpt-5").build())
 * }</pre>
 */
public final class ConversationCreate {
    private static final ConversationCreate EMPTY = new Builder().build();

    private final String summary;
    private final List<String> isolatedBlockLabels;
    private final String model;

    private ConversationCreate(Builder builder) {
        this.summary = builder.summary;
        this.isolatedBlockLabels = builder.isolatedBlockLabels;
        this.model = builder.model;
    }

    /** @return no options: an empty conversation on the agent's settings */
    public static ConversationCreate empty() {
        return EMPTY;
    }

    /** @return a builder with nothing set */
    public static Builder builder() {
        return new Builder();
    }

    /** @return its summary, if set */
    public Optional<String> summary() {
        return Optional.ofNullable(summary);
    }

    /** @return the labels of the blocks it keeps its own copy of, if set */
    public Optional<List<String>> isolatedBlockLabels() {
        return Optional.ofNullable(isolatedBlockLabels);
    }

    /** @return the model handle it uses instead of the agent's, if set */
    public Optional<String> model() {
        return Optional.ofNullable(model);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConversationCreate o && Objects.equals(summary, o.summary)
                && Objects.equals(isolatedBlockLabels, o.isolatedBlockLabels) && Objects.equals(model, o.model);
    }

    @Override
    public int hashCode() {
        return Objects.hash(summary, isolatedBlockLabels, model);
    }

    @Override
    public String toString() {
        return "ConversationCreate[summary=" + summary + ", isolatedBlockLabels=" + isolatedBlockLabels
                + ", model=" + model + "]";
    }

    /** Builds a {@link ConversationCreate}; each setter checks its value. Not thread-safe. */
    public static final class Builder {
        private String summary;
        private List<String> isolatedBlockLabels;
        private String model;

        private Builder() {
        }

        /**
         * @param summary what the conversation is about
         * @return this
         */
        public Builder summary(String summary) {
            this.summary = Checks.requireText(summary, "ConversationCreate.summary");
            return this;
        }

        /**
         * @param labels labels of the agent's blocks the conversation keeps its own copy of ({@code skills/name}
         *     is a label; {@code ..} segments, absolute paths and control characters are not)
         * @return this
         */
        public Builder isolatedBlockLabels(List<String> labels) {
            Checks.requireNonNull(labels, "ConversationCreate.isolatedBlockLabels");
            labels.forEach(label -> MemoryBlock.requireLabel(label, "ConversationCreate.isolatedBlockLabels[]"));
            this.isolatedBlockLabels = List.copyOf(labels);
            return this;
        }

        /**
         * @param handle the model handle, e.g. {@code anthropic/claude-sonnet-4}
         * @return this
         */
        public Builder model(String handle) {
            this.model = Checks.requireText(handle, "ConversationCreate.model");
            return this;
        }

        /** @return the options */
        public ConversationCreate build() {
            return new ConversationCreate(this);
        }
    }
}

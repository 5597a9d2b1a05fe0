package ai.letta.code.api.conversation;

import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.internal.Checks;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link Conversations#update} changes ({@code UpdateConversation}): the summary and the model handle the
 * conversation uses instead of the agent's; only the fields set here are sent. Immutable.
 *
 * <pre>{@code
 * client.conversations().update(conversationId, ConversationUpdate.builder().summary("billing question").build())
 * }</pre>
 */
public final class ConversationUpdate {
    private final String summary;
    private final String model;

    private ConversationUpdate(Builder builder) {
        this.summary = builder.summary;
        this.model = builder.model;
    }

    /** @return a builder with nothing set */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the new summary, if it changes */
    public Optional<String> summary() {
        return Optional.ofNullable(summary);
    }

    /** @return the new model handle, if it changes */
    public Optional<String> model() {
        return Optional.ofNullable(model);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConversationUpdate o && Objects.equals(summary, o.summary)
                && Objects.equals(model, o.model);
    }

    @Override
    public int hashCode() {
        return Objects.hash(summary, model);
    }

    @Override
    public String toString() {
        return "ConversationUpdate[summary=" + summary + ", model=" + model + "]";
    }

    /** Builds a {@link ConversationUpdate}; each setter checks its value. Not thread-safe. */
    public static final class Builder {
        private String summary;
        private String model;

        private Builder() {
        }

        /**
         * @param summary the new summary
         * @return this
         */
        public Builder summary(String summary) {
            this.summary = Checks.requireText(summary, "ConversationUpdate.summary");
            return this;
        }

        /**
         * @param handle the new model handle, e.g. {@code anthropic/claude-sonnet-4}
         * @return this
         */
        public Builder model(String handle) {
            this.model = Checks.requireText(handle, "ConversationUpdate.model");
            return this;
        }

        /**
         * @return the update
         * @throws ConfigurationException if nothing was set (an empty update would be a silent no-op)
         */
        public ConversationUpdate build() {
            if (summary == null && model == null) {
                throw new ConfigurationException("ConversationUpdate changes nothing: set a summary or a model");
            }
            return new ConversationUpdate(this);
        }
    }
}

package ai.letta.code.api.message;

import ai.letta.code.api.ContentPart;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What to send to an agent or a conversation ({@code LettaRequest} / {@code ConversationMessageRequest}): messages
 * ({@code MessageCreate}: a role and text or content parts), answers to pending tool approvals
 * ({@code ApprovalCreate}), and the request's options. Streaming is not an option here: it is chosen by calling
 * {@link Messages#send} or {@link Messages#stream}.
 *
 * <pre>{@code
 * SendRequest request = SendRequest.builder().text("What changed since yesterday?").maxSteps(10).build();
 * SendRequest answer = SendRequest.builder().approval(ToolApproval.deny("call_1", "not on main")).build();
 * }</pre>
 *
 * Immutable; the builder validates each value as it is set ({@link ConfigurationException} naming the field) and
 * {@link Builder#build()} refuses a request with nothing to send.
 */
public final class SendRequest {
    private final List<Message> messages;
    private final List<ToolApproval> approvals;
    private final Integer maxSteps;
    private final String overrideModel;
    private final List<String> includeReturnMessageTypes;
    private final boolean streamTokens;
    private final boolean background;
    private final boolean includeCompactionMessages;

    private SendRequest(Builder builder) {
        this.messages = List.copyOf(builder.messages);
        this.approvals = List.copyOf(builder.approvals);
        this.maxSteps = builder.maxSteps;
        this.overrideModel = builder.overrideModel;
        this.includeReturnMessageTypes = builder.includeReturnMessageTypes == null ? null
                : List.copyOf(builder.includeReturnMessageTypes);
        this.streamTokens = builder.streamTokens;
        this.background = builder.background;
        this.includeCompactionMessages = builder.includeCompactionMessages;
    }

    /** @return a builder of an empty request */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param text a user message's text
     * @return a request carrying just that user message
     * @throws ConfigurationException if {@code text} is blank
     */
    public static SendRequest text(String text) {
        return builder().text(text).build();
    }

    /** @return the messages, in order */
    public List<Message> messages() {
        return messages;
    }

    /** @return the answers to pending tool approvals (sent as one {@code approval} message before the others) */
    public List<ToolApproval> approvals() {
        return approvals;
    }

    /** @return the most agent steps ({@code max_steps}; the server's default is 50), if set */
    public OptionalInt maxSteps() {
        return maxSteps == null ? OptionalInt.empty() : OptionalInt.of(maxSteps);
    }

    /** @return the model handle this request runs on instead of the agent's ({@code override_model}), if set */
    public Optional<String> overrideModel() {
        return Optional.ofNullable(overrideModel);
    }

    /** @return the message types the server returns ({@code include_return_message_types}), if narrowed */
    public Optional<List<String>> includeReturnMessageTypes() {
        return Optional.ofNullable(includeReturnMessageTypes);
    }

    /**
     * @return whether a stream carries token deltas ({@code stream_tokens}); then several events share one message
     *     id. Ignored by a non-streaming send
     */
    public boolean streamTokens() {
        return streamTokens;
    }

    /** @return whether the run survives the client's disconnect ({@code background}); streams only */
    public boolean background() {
        return background;
    }

    /** @return whether compaction summaries are returned ({@code include_compaction_messages}) */
    public boolean includeCompactionMessages() {
        return includeCompactionMessages;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SendRequest o && messages.equals(o.messages) && approvals.equals(o.approvals)
                && Objects.equals(maxSteps, o.maxSteps) && Objects.equals(overrideModel, o.overrideModel)
                && Objects.equals(includeReturnMessageTypes, o.includeReturnMessageTypes)
                && streamTokens == o.streamTokens && background == o.background
                && includeCompactionMessages == o.includeCompactionMessages;
    }

    @Override
    public int hashCode() {
        return Objects.hash(messages, approvals, maxSteps, overrideModel, includeReturnMessageTypes, streamTokens,
                background, includeCompactionMessages);
    }

    /** Shows the shape, not the text: a prompt may carry anything. */
    @Override
    public String toString() {
        return "SendRequest[messages=" + messages.size() + ", approvals=" + approvals.size() + ", maxSteps="
                + maxSteps + ", overrideModel=" + overrideModel + ", streamTokens=" + streamTokens + ", background="
                + background + "]";
    }

    /**
     * One message to send ({@code MessageCreate}).
     *
     * @param role who it is from
     * @param content its parts: text and images, at least one
     */
    public record Message(MessageRole role, List<ContentPart> content) {

        /**
         * Validates and copies.
         *
         * @param role who it is from
         * @param content its parts: text and images, at least one
         */
        public Message {
            Checks.requireNonNull(role, "SendRequest.Message.role");
            Checks.requireNonNull(content, "SendRequest.Message.content");
            if (content.isEmpty()) {
                throw new ConfigurationException("SendRequest.Message.content must hold at least one part");
            }
            content.forEach(part -> Checks.requireNonNull(part, "SendRequest.Message.content part"));
            content = List.copyOf(content);
        }

        /** Shows the shape, not the text. */
        @Override
        public String toString() {
            return "Message[role=" + role + ", parts=" + content.size() + "]";
        }
    }

    /** Builds a {@link SendRequest}; each setter validates its value. Not thread-safe. */
    public static final class Builder {
        private final List<Message> messages = new ArrayList<>();
        private final List<ToolApproval> approvals = new ArrayList<>();
        private Integer maxSteps;
        private String overrideModel;
        private List<String> includeReturnMessageTypes;
        private boolean streamTokens;
        private boolean background;
        private boolean includeCompactionMessages;

        private Builder() {
        }

        /**
         * Adds a user message.
         *
         * @param text its text, not blank
         * @return this
         */
        public Builder text(String text) {
            return message(MessageRole.USER, List.of(ContentPart.text(Checks.requireText(text, "SendRequest.text"))));
        }

        /**
         * Adds a message of any role.
         *
         * @param role who it is from
         * @param text its text, not blank
         * @return this
         */
        public Builder message(MessageRole role, String text) {
            return message(role, List.of(ContentPart.text(Checks.requireText(text, "SendRequest.message text"))));
        }

        /**
         * Adds a message made of parts (text and images).
         *
         * @param role who it is from
         * @param content the parts, at least one
         * @return this
         */
        public Builder message(MessageRole role, List<ContentPart> content) {
            messages.add(new Message(role, content));
            return this;
        }

        /**
         * Adds the answer to a pending tool approval.
         *
         * @param approval approve or deny one call
         * @return this
         * @throws ConfigurationException if the same call is answered twice
         */
        public Builder approval(ToolApproval approval) {
            Checks.requireNonNull(approval, "SendRequest.approval");
            if (approvals.stream().anyMatch(a -> a.toolCallId().equals(approval.toolCallId()))) {
                throw new ConfigurationException("SendRequest.approval answers tool call " + approval.toolCallId()
                        + " twice");
            }
            approvals.add(approval);
            return this;
        }

        /**
         * @param maxSteps the most agent steps this request may take, at least 1
         * @return this
         */
        public Builder maxSteps(int maxSteps) {
            this.maxSteps = Checks.requirePositive(maxSteps, "SendRequest.maxSteps");
            return this;
        }

        /**
         * @param handle a model handle ({@code provider/model}) for this request only
         * @return this
         */
        public Builder overrideModel(String handle) {
            String model = Checks.requireText(handle, "SendRequest.overrideModel").strip();
            if (!model.contains("/")) {
                throw new ConfigurationException("SendRequest.overrideModel must be a handle provider/model (got \""
                        + model + "\")");
            }
            this.overrideModel = model;
            return this;
        }

        /**
         * @param messageTypes the message types to return, e.g. {@code assistant_message}; at least one
         * @return this
         */
        public Builder includeReturnMessageTypes(List<String> messageTypes) {
            Checks.requireNonNull(messageTypes, "SendRequest.includeReturnMessageTypes");
            if (messageTypes.isEmpty()) {
                throw new ConfigurationException("SendRequest.includeReturnMessageTypes must name at least one type");
            }
            List<String> types = new ArrayList<>();
            for (String type : messageTypes) {
                types.add(Checks.requireText(type, "SendRequest.includeReturnMessageTypes entry").strip());
            }
            this.includeReturnMessageTypes = types;
            return this;
        }

        /**
         * @param streamTokens whether a stream carries token deltas (several events per message id)
         * @return this
         */
        public Builder streamTokens(boolean streamTokens) {
            this.streamTokens = streamTokens;
            return this;
        }

        /**
         * @param background whether the run goes on when the client disconnects (streams only)
         * @return this
         */
        public Builder background(boolean background) {
            this.background = background;
            return this;
        }

        /**
         * @param include whether compaction summaries are returned
         * @return this
         */
        public Builder includeCompactionMessages(boolean include) {
            this.includeCompactionMessages = include;
            return this;
        }

        /**
         * @return the request
         * @throws ConfigurationException if it has neither a message nor an approval
         */
        public SendRequest build() {
            if (messages.isEmpty() && approvals.isEmpty()) {
                throw new ConfigurationException("SendRequest needs a message (text(...), message(...)) or an "
                        + "approval (approval(...))");
            }
            return new SendRequest(this);
        }
    }
}

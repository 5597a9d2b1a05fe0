package ai.letta.code.api.message;

import ai.letta.code.internal.Checks;
import java.util.Objects;

/**
 * A new text for a stored message ({@code PATCH /v1/agents/{id}/messages/{message_id}}): the body names the kind
 * of message it edits ({@code UpdateUserMessage}, {@code UpdateAssistantMessage}, {@code UpdateSystemMessage},
 * {@code UpdateReasoningMessage}), so pick the factory that matches the message. Immutable.
 */
public final class MessageUpdate {
    private final String messageType;
    private final String text;

    private MessageUpdate(String messageType, String text, String field) {
        this.messageType = messageType;
        this.text = Checks.requireNonNull(text, field);
    }

    /**
     * @param content the user message's new text
     * @return an update of a {@code user_message}
     */
    public static MessageUpdate user(String content) {
        return new MessageUpdate("user_message", content, "MessageUpdate.user content");
    }

    /**
     * @param content the assistant message's new text
     * @return an update of an {@code assistant_message}
     */
    public static MessageUpdate assistant(String content) {
        return new MessageUpdate("assistant_message", content, "MessageUpdate.assistant content");
    }

    /**
     * @param content the system message's new text
     * @return an update of a {@code system_message}
     */
    public static MessageUpdate system(String content) {
        return new MessageUpdate("system_message", content, "MessageUpdate.system content");
    }

    /**
     * @param reasoning the reasoning's new text
     * @return an update of a {@code reasoning_message}
     */
    public static MessageUpdate reasoning(String reasoning) {
        return new MessageUpdate("reasoning_message", reasoning, "MessageUpdate.reasoning text");
    }

    /** @return the kind of message it edits, e.g. {@code user_message} */
    public String messageType() {
        return messageType;
    }

    /** @return the new text ({@code content}, or {@code reasoning} for a reasoning message) */
    public String text() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MessageUpdate o && messageType.equals(o.messageType) && text.equals(o.text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(messageType, text);
    }

    @Override
    public String toString() {
        return "MessageUpdate[" + messageType + ", " + text.length() + " chars]";
    }
}

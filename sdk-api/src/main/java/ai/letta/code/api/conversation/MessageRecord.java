package ai.letta.code.api.conversation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored message of a conversation.
 */
public final class MessageRecord {
    private final String id;
    private final String messageType;
    private final String text;
    private final Instant date;
    private final String runId;

    /**
     * For transports, which decode it from their peer.
     *
     * @param id the message id
     * @param messageType the backend's type, e.g. {@code user_message}, {@code assistant_message}, {@code
     *     tool_call_message}
     * @param text the message's text (for a tool call: its arguments; for a tool return: its output), or {@code null}
     * @param date when it was written, or {@code null}
     * @param runId the run that wrote it, or {@code null}
     */
    public MessageRecord(String id, String messageType, String text, Instant date, String runId) {
        this.id = id;
        this.messageType = messageType;
        this.text = text;
        this.date = date;
        this.runId = runId;
    }

    /** @return the message id */
    public String id() {
        return id;
    }

    /** @return the backend's type, e.g. {@code user_message}, {@code assistant_message}, {@code tool_call_message} */
    public String messageType() {
        return messageType;
    }

    /** @return the message's text (for a tool call: its arguments; for a tool return: its output), if any */
    public Optional<String> text() {
        return Optional.ofNullable(text);
    }

    /** @return when it was written, if any */
    public Optional<Instant> date() {
        return Optional.ofNullable(date);
    }

    /** @return the run that wrote it, if any */
    public Optional<String> runId() {
        return Optional.ofNullable(runId);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MessageRecord o && Objects.equals(id, o.id)
                && Objects.equals(messageType, o.messageType) && Objects.equals(text, o.text)
                && Objects.equals(date, o.date) && Objects.equals(runId, o.runId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, messageType, text, date, runId);
    }

    @Override
    public String toString() {
        return "MessageRecord[id=" + id + ", messageType=" + messageType + ", text=" + text + ", date=" + date
                + ", runId=" + runId + "]";
    }
}

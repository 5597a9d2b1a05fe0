package ai.letta.code.api.conversation;

import ai.letta.code.internal.JsonValues;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored message of a conversation. Immutable; {@link #extras()} keeps the message's other fields as the server
 * sent them, so a field this SDK does not know yet stays reachable.
 */
public final class MessageRecord {
    private final String id;
    private final String messageType;
    private final String text;
    private final Instant date;
    private final String runId;
    private final Map<String, Object> extras;

    /**
     * For transports, which decode it from their peer; no extras.
     *
     * @param id the message id
     * @param messageType the backend's type, e.g. {@code user_message}, {@code assistant_message}, {@code
     *     tool_call_message}
     * @param text the message's text (for a tool call: its arguments; for a tool return: its output), or {@code null}
     * @param date when it was written, or {@code null}
     * @param runId the run that wrote it, or {@code null}
     */
    public MessageRecord(String id, String messageType, String text, Instant date, String runId) {
        this(id, messageType, text, date, runId, null);
    }

    /**
     * For transports, which decode it from their peer.
     *
     * @param id the message id
     * @param messageType the backend's type, e.g. {@code user_message}, {@code assistant_message}, {@code
     *     tool_call_message}
     * @param text the message's text (for a tool call: its arguments; for a tool return: its output), or {@code null}
     * @param date when it was written, or {@code null}
     * @param runId the run that wrote it, or {@code null}
     * @param extras the message's other fields, plain JSON values ({@code null} for none); copied deeply
     * @throws ai.letta.code.api.exception.ConfigurationException if {@code extras} holds anything but plain JSON
     *     values
     */
    public MessageRecord(String id, String messageType, String text, Instant date, String runId,
            Map<String, Object> extras) {
        this.id = id;
        this.messageType = messageType;
        this.text = text;
        this.date = date;
        this.runId = runId;
        this.extras = extras == null || extras.isEmpty() ? Map.of()
                : JsonValues.copyOf(extras, "MessageRecord.extras");
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

    /**
     * @return the message's fields other than its id, type, date and run, as the server sent them (the one
     *     {@link #text()} is read from among them: {@code content}, {@code reasoning}, {@code tool_call} or
     *     {@code tool_return}; and {@code otid}, {@code sender_id}, {@code step_id}, ...): plain JSON values,
     *     deeply unmodifiable, JSON nulls kept; empty when the backend sends none
     */
    public Map<String, Object> extras() {
        return extras;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MessageRecord o && Objects.equals(id, o.id)
                && Objects.equals(messageType, o.messageType) && Objects.equals(text, o.text)
                && Objects.equals(date, o.date) && Objects.equals(runId, o.runId) && extras.equals(o.extras);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, messageType, text, date, runId, extras);
    }

    @Override
    public String toString() {
        return "MessageRecord[id=" + id + ", messageType=" + messageType + ", text=" + text + ", date=" + date
                + ", runId=" + runId + ", extras=" + extras.keySet() + "]";
    }
}

package ai.letta.code.api.event;

import java.util.Objects;
import java.util.Optional;

/**
 * A raw streaming chunk, delivered only when {@code SessionOptions.includePartialMessages(true)} is set.
 */
public final class PartialEvent implements SessionEvent {
    private final String kind;
    private final String delta;
    private final String messageId;
    private final String runId;

    /**
     * Keeps delta non-null.
     *
     * @param kind what the chunk extends: {@code assistant}, {@code reasoning}, or the peer's message type
     * @param delta the text the chunk adds (empty when it carries none)
     * @param messageId the message the chunk belongs to, or {@code null}
     * @param runId the run, or {@code null}
     */
    public PartialEvent(String kind, String delta, String messageId, String runId) {
        delta = delta == null ? "" : delta;
        this.kind = kind;
        this.delta = delta;
        this.messageId = messageId;
        this.runId = runId;
    }

    @Override
    public String type() {
        return "stream_event";
    }

    /** @return what the chunk extends: {@code assistant}, {@code reasoning}, or the peer's message type */
    public String kind() {
        return kind;
    }

    /** @return the text the chunk adds (empty when it carries none) */
    public String delta() {
        return delta;
    }

    /** @return the message the chunk belongs to, if any */
    public Optional<String> messageId() {
        return Optional.ofNullable(messageId);
    }

    /** @return the run, if any */
    public Optional<String> runId() {
        return Optional.ofNullable(runId);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PartialEvent o && Objects.equals(kind, o.kind) && Objects.equals(delta, o.delta)
                && Objects.equals(messageId, o.messageId) && Objects.equals(runId, o.runId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, delta, messageId, runId);
    }

    @Override
    public String toString() {
        return "PartialEvent[kind=" + kind + ", delta=" + delta + ", messageId=" + messageId + ", runId=" + runId + "]";
    }
}

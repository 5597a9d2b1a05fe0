package ai.letta.code.api.event;

/**
 * A raw streaming chunk, delivered only when {@code SessionOptions.includePartialMessages(true)} is set.
 *
 * @param kind what the chunk extends: {@code assistant}, {@code reasoning}, or the peer's message type
 * @param delta the text the chunk adds (empty when it carries none)
 * @param messageId the message the chunk belongs to, or {@code null}
 * @param runId the run, or {@code null}
 */
public record PartialEvent(String kind, String delta, String messageId, String runId) implements SessionEvent {
    /** Keeps delta non-null. */
    public PartialEvent {
        delta = delta == null ? "" : delta;
    }

    @Override
    public String type() {
        return "stream_event";
    }
}

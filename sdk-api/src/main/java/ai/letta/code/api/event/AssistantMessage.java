package ai.letta.code.api.event;

/**
 * Text from the agent. Chunks the peer streams under one message id are joined before they reach the stream, unless
 * partial messages were asked for (then {@link PartialEvent}s carry the chunks).
 *
 * @param id the message id
 * @param content the text
 * @param runId the run that produced it, or {@code null}
 */
public record AssistantMessage(String id, String content, String runId) implements SessionEvent {
    /** Keeps content non-null. */
    public AssistantMessage {
        content = content == null ? "" : content;
    }

    @Override
    public String type() {
        return "assistant";
    }
}

package ai.letta.code.api.event;

import java.util.Objects;
import java.util.Optional;

/**
 * Text from the agent. Chunks the peer streams under one message id are joined before they reach the stream, unless
 * partial messages were asked for (then {@link PartialEvent}s carry the chunks).
 */
public final class AssistantMessage implements SessionEvent {
    private final String id;
    private final String content;
    private final String runId;

    /**
     * Keeps content non-null.
     *
     * @param id the message id
     * @param content the text
     * @param runId the run that produced it, or {@code null}
     */
    public AssistantMessage(String id, String content, String runId) {
        content = content == null ? "" : content;
        this.id = id;
        this.content = content;
        this.runId = runId;
    }

    @Override
    public String type() {
        return "assistant";
    }

    /** @return the message id */
    public String id() {
        return id;
    }

    /** @return the text */
    public String content() {
        return content;
    }

    /** @return the run that produced it, if any */
    public Optional<String> runId() {
        return Optional.ofNullable(runId);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AssistantMessage o && Objects.equals(id, o.id) && Objects.equals(content, o.content)
                && Objects.equals(runId, o.runId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, content, runId);
    }

    @Override
    public String toString() {
        return "AssistantMessage[id=" + id + ", content=" + content + ", runId=" + runId + "]";
    }
}

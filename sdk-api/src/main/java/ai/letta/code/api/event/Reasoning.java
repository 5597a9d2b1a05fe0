package ai.letta.code.api.event;

import java.util.Objects;
import java.util.Optional;

/**
 * The model's reasoning, where the model and peer expose it.
 */
public final class Reasoning implements SessionEvent {
    private final String id;
    private final String content;
    private final String runId;

    /**
     * Keeps content non-null.
     *
     * @param id the message id
     * @param content the reasoning text
     * @param runId the run that produced it, or {@code null}
     */
    public Reasoning(String id, String content, String runId) {
        content = content == null ? "" : content;
        this.id = id;
        this.content = content;
        this.runId = runId;
    }

    @Override
    public String type() {
        return "reasoning";
    }

    /** @return the message id */
    public String id() {
        return id;
    }

    /** @return the reasoning text */
    public String content() {
        return content;
    }

    /** @return the run that produced it, if any */
    public Optional<String> runId() {
        return Optional.ofNullable(runId);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Reasoning o && Objects.equals(id, o.id) && Objects.equals(content, o.content)
                && Objects.equals(runId, o.runId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, content, runId);
    }

    @Override
    public String toString() {
        return "Reasoning[id=" + id + ", content=" + content + ", runId=" + runId + "]";
    }
}

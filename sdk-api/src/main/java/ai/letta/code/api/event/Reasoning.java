package ai.letta.code.api.event;

/**
 * The model's reasoning, where the model and peer expose it.
 *
 * @param id the message id
 * @param content the reasoning text
 * @param runId the run that produced it, or {@code null}
 */
public record Reasoning(String id, String content, String runId) implements SessionEvent {
    /** Keeps content non-null. */
    public Reasoning {
        content = content == null ? "" : content;
    }

    @Override
    public String type() {
        return "reasoning";
    }
}

package ai.letta.code.api.event;

/**
 * A tool's output. Each tool call yields exactly one, even where the peer repeats it.
 *
 * @param toolCallId the call it answers
 * @param content the output text (for a denied call: the denial as the model saw it)
 * @param isError whether the tool failed or was denied
 * @param runId the run, or {@code null}
 */
public record ToolResult(String toolCallId, String content, boolean isError, String runId) implements SessionEvent {
    /** Keeps content non-null. */
    public ToolResult {
        content = content == null ? "" : content;
    }

    @Override
    public String type() {
        return "tool_result";
    }
}

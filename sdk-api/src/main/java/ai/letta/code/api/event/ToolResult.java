package ai.letta.code.api.event;

import java.util.Objects;
import java.util.Optional;

/**
 * A tool's output. Each tool call yields exactly one, even where the peer repeats it.
 */
public final class ToolResult implements SessionEvent {
    private final String toolCallId;
    private final String content;
    private final boolean isError;
    private final String runId;

    /**
     * Keeps content non-null.
     *
     * @param toolCallId the call it answers
     * @param content the output text (for a denied call: the denial as the model saw it)
     * @param isError whether the tool failed or was denied
     * @param runId the run, or {@code null}
     */
    public ToolResult(String toolCallId, String content, boolean isError, String runId) {
        content = content == null ? "" : content;
        this.toolCallId = toolCallId;
        this.content = content;
        this.isError = isError;
        this.runId = runId;
    }

    @Override
    public String type() {
        return "tool_result";
    }

    /** @return the call it answers */
    public String toolCallId() {
        return toolCallId;
    }

    /** @return the output text (for a denied call: the denial as the model saw it) */
    public String content() {
        return content;
    }

    /** @return whether the tool failed or was denied */
    public boolean isError() {
        return isError;
    }

    /** @return the run, if any */
    public Optional<String> runId() {
        return Optional.ofNullable(runId);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ToolResult o && Objects.equals(toolCallId, o.toolCallId)
                && Objects.equals(content, o.content) && isError == o.isError && Objects.equals(runId, o.runId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(toolCallId, content, isError, runId);
    }

    @Override
    public String toString() {
        return "ToolResult[toolCallId=" + toolCallId + ", content=" + content + ", isError=" + isError + ", runId="
                + runId + "]";
    }
}

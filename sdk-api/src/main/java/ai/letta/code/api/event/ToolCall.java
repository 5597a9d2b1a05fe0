package ai.letta.code.api.event;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The agent calls a tool. Every call is reported, whether it needed approval or not and whether it was allowed or
 * denied, so a caller sees what the agent asked for; its {@link ToolResult} (same {@code toolCallId}) follows it.
 * A denied call never runs: its result has {@code isError} set and carries the denial message the model was given.
 * Where approval was needed, whether this event comes before or after the {@code canUseTool} callback depends on
 * the backend (the local CLI reports the call once it is decided; the app server when the agent proposes it).
 */
public final class ToolCall implements SessionEvent {
    private final String toolCallId;
    private final String toolName;
    private final Map<String, Object> toolInput;
    private final String rawArguments;
    private final String runId;

    /**
     * Copies the input.
     *
     * @param toolCallId the call's id; its {@link ToolResult} carries the same
     * @param toolName the tool
     * @param toolInput the arguments as plain Java values; {@code {"raw": text}} when they were not valid JSON
     * @param rawArguments the arguments exactly as the peer sent them
     * @param runId the run, or {@code null}
     */
    public ToolCall(String toolCallId, String toolName, Map<String, Object> toolInput, String rawArguments,
            String runId) {
        toolInput = toolInput == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(toolInput));
        this.toolCallId = toolCallId;
        this.toolName = toolName;
        this.toolInput = toolInput;
        this.rawArguments = rawArguments;
        this.runId = runId;
    }

    @Override
    public String type() {
        return "tool_call";
    }

    /** @return the call's id; its {@link ToolResult} carries the same */
    public String toolCallId() {
        return toolCallId;
    }

    /** @return the tool */
    public String toolName() {
        return toolName;
    }

    /** @return the arguments as plain Java values; {@code {"raw": text}} when they were not valid JSON */
    public Map<String, Object> toolInput() {
        return toolInput;
    }

    /** @return the arguments exactly as the peer sent them */
    public String rawArguments() {
        return rawArguments;
    }

    /** @return the run, if any */
    public Optional<String> runId() {
        return Optional.ofNullable(runId);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ToolCall o && Objects.equals(toolCallId, o.toolCallId)
                && Objects.equals(toolName, o.toolName) && Objects.equals(toolInput, o.toolInput)
                && Objects.equals(rawArguments, o.rawArguments) && Objects.equals(runId, o.runId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(toolCallId, toolName, toolInput, rawArguments, runId);
    }

    @Override
    public String toString() {
        return "ToolCall[toolCallId=" + toolCallId + ", toolName=" + toolName + ", toolInput=" + toolInput
                + ", rawArguments=" + rawArguments + ", runId=" + runId + "]";
    }
}

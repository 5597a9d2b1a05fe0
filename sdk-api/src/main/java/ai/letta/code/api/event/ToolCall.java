package ai.letta.code.api.event;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The agent calls a tool. Every call is reported, whether it needed approval or not and whether it was allowed or
 * denied, so a caller sees what the agent asked for; its {@link ToolResult} (same {@code toolCallId}) follows it.
 * A denied call never runs: its result has {@code isError} set and carries the denial message the model was given.
 * Where approval was needed, whether this event comes before or after the {@code canUseTool} callback depends on
 * the backend (the local CLI reports the call once it is decided; the app server when the agent proposes it).
 *
 * @param toolCallId the call's id; its {@link ToolResult} carries the same
 * @param toolName the tool
 * @param toolInput the arguments as plain Java values; {@code {"raw": text}} when they were not valid JSON
 * @param rawArguments the arguments exactly as the peer sent them
 * @param runId the run, or {@code null}
 */
public record ToolCall(String toolCallId, String toolName, Map<String, Object> toolInput, String rawArguments,
        String runId) implements SessionEvent {
    /** Copies the input. */
    public ToolCall {
        toolInput = toolInput == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(toolInput));
    }

    @Override
    public String type() {
        return "tool_call";
    }
}

package ai.letta.code.api.event;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The agent calls a tool (after approval, where one was needed).
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

package ai.letta.code.api.permission;

import ai.letta.code.api.exception.ConfigurationException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tool call the peer wants approved: what {@link CanUseTool} decides on.
 *
 * @param requestId the peer's id for this request (e.g. {@code perm-<toolCallId>})
 * @param toolCallId the tool call's id
 * @param toolName the tool, e.g. {@code Bash}
 * @param input the tool's arguments, as plain Java values (maps, lists, strings, numbers, booleans, nulls)
 * @param suggestions the peer's suggested permission rules, as text (may be empty)
 * @param blockedPath the path that made the peer ask, or {@code null}
 * @param needsUserInput whether the tool asks the user something (e.g. {@code AskUserQuestion}), so that no
 *     permission mode can answer it
 */
public record ToolPermissionRequest(
        String requestId,
        String toolCallId,
        String toolName,
        Map<String, Object> input,
        List<String> suggestions,
        String blockedPath,
        boolean needsUserInput) {

    /** The tools that ask the user a question; they always go to {@code canUseTool}. */
    public static final List<String> USER_INPUT_TOOLS = List.of("AskUserQuestion", "EnterPlanMode", "ExitPlanMode");

    /** Validates and copies. */
    public ToolPermissionRequest {
        ConfigurationException.requireText(requestId, "ToolPermissionRequest.requestId");
        ConfigurationException.requireText(toolName, "ToolPermissionRequest.toolName");
        input = input == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(input));
        suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
    }

    /**
     * A request for the given tool with no suggestions.
     *
     * @param requestId the peer's request id
     * @param toolCallId the tool call's id
     * @param toolName the tool
     * @param input the tool's arguments
     * @return the request; {@code needsUserInput} follows {@link #USER_INPUT_TOOLS}
     */
    public static ToolPermissionRequest of(
            String requestId, String toolCallId, String toolName, Map<String, Object> input) {
        return new ToolPermissionRequest(requestId, toolCallId, toolName, input, List.of(), null,
                USER_INPUT_TOOLS.contains(toolName));
    }

    /** @return the path that made the peer ask, if any */
    public Optional<String> blocked() {
        return Optional.ofNullable(blockedPath);
    }
}

package ai.letta.code.api.permission;

import ai.letta.code.internal.Checks;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A tool call the peer wants approved: what {@link CanUseTool} decides on.
 *
 */
public final class ToolPermissionRequest {

    /** The tools that ask the user a question; they always go to {@code canUseTool}. */
    public static final List<String> USER_INPUT_TOOLS = List.of("AskUserQuestion", "EnterPlanMode", "ExitPlanMode");

    private final String requestId;
    private final String toolCallId;
    private final String toolName;
    private final Map<String, Object> toolInput;
    private final List<String> suggestions;
    private final String blockedPath;
    private final boolean needsUserInput;

    /**
     * Validates and copies.
     *
     * @param requestId the peer's id for this request (e.g. {@code perm-<toolCallId>})
     * @param toolCallId the tool call's id
     * @param toolName the tool, e.g. {@code Bash}
     * @param toolInput the tool's arguments, as plain Java values, or {@code null} for none
     * @param suggestions the peer's suggested permission rules, as text, or {@code null} for none
     * @param blockedPath the path that made the peer ask, or {@code null}
     * @param needsUserInput whether the tool asks the user something (e.g. {@code AskUserQuestion}), so that no
     *     permission mode can answer it
     */
    public ToolPermissionRequest(String requestId, String toolCallId, String toolName, Map<String, Object> toolInput,
            List<String> suggestions, String blockedPath, boolean needsUserInput) {
        this.requestId = Checks.requireText(requestId, "ToolPermissionRequest.requestId");
        this.toolCallId = toolCallId;
        this.toolName = Checks.requireText(toolName, "ToolPermissionRequest.toolName");
        this.toolInput = toolInput == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(toolInput));
        this.suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
        this.blockedPath = blockedPath;
        this.needsUserInput = needsUserInput;
    }

    /**
     * A request for the given tool with no suggestions.
     *
     * @param requestId the peer's request id
     * @param toolCallId the tool call's id
     * @param toolName the tool
     * @param toolInput the tool's arguments
     * @return the request; {@code needsUserInput} follows {@link #asksUser}
     */
    public static ToolPermissionRequest of(
            String requestId, String toolCallId, String toolName, Map<String, Object> toolInput) {
        return of(requestId, toolCallId, toolName, toolInput, List.of(), null);
    }

    /**
     * A request as a peer sent it.
     *
     * @param requestId the peer's request id
     * @param toolCallId the tool call's id
     * @param toolName the tool
     * @param toolInput the tool's arguments, or {@code null} for none
     * @param suggestions the peer's suggested permission rules, or {@code null} for none
     * @param blockedPath the path that made the peer ask, or {@code null}
     * @return the request; {@code needsUserInput} follows {@link #asksUser}
     */
    public static ToolPermissionRequest of(String requestId, String toolCallId, String toolName,
            Map<String, Object> toolInput, List<String> suggestions, String blockedPath) {
        return new ToolPermissionRequest(requestId, toolCallId, toolName, toolInput, suggestions, blockedPath,
                asksUser(toolName));
    }

    /**
     * @param toolName a tool
     * @return whether it is one of the {@link #USER_INPUT_TOOLS}, which no permission mode can answer
     */
    public static boolean asksUser(String toolName) {
        return USER_INPUT_TOOLS.contains(toolName);
    }

    /** @return the peer's id for this request (e.g. {@code perm-<toolCallId>}) */
    public String requestId() {
        return requestId;
    }

    /** @return the tool call's id */
    public String toolCallId() {
        return toolCallId;
    }

    /** @return the tool, e.g. {@code Bash} */
    public String toolName() {
        return toolName;
    }

    /** @return the tool's arguments, as plain Java values (maps, lists, strings, numbers, booleans, nulls) */
    public Map<String, Object> toolInput() {
        return toolInput;
    }

    /** @return the peer's suggested permission rules, as text (may be empty) */
    public List<String> suggestions() {
        return suggestions;
    }

    /** @return the path that made the peer ask, if any */
    public Optional<String> blockedPath() {
        return Optional.ofNullable(blockedPath);
    }

    /** @return whether the tool asks the user something, so that no permission mode can answer it */
    public boolean needsUserInput() {
        return needsUserInput;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ToolPermissionRequest r && requestId.equals(r.requestId)
                && Objects.equals(toolCallId, r.toolCallId) && toolName.equals(r.toolName)
                && toolInput.equals(r.toolInput) && suggestions.equals(r.suggestions) && Objects.equals(blockedPath, r.blockedPath)
                && needsUserInput == r.needsUserInput;
    }

    @Override
    public int hashCode() {
        return Objects.hash(requestId, toolCallId, toolName, toolInput, suggestions, blockedPath, needsUserInput);
    }

    @Override
    public String toString() {
        return "ToolPermissionRequest[requestId=" + requestId + ", toolCallId=" + toolCallId + ", toolName="
                + toolName + ", toolInput=" + toolInput + ", suggestions=" + suggestions + ", blockedPath="
                + blockedPath + ", needsUserInput=" + needsUserInput + "]";
    }
}

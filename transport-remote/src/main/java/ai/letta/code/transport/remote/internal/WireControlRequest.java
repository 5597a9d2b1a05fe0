package ai.letta.code.transport.remote.internal;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A {@code control_request} frame's {@code request} (spec §2.3): a tool call waiting for a decision.
 *
 * @param subtype {@code can_use_tool} for permission requests
 * @param toolName the tool
 * @param input the tool's arguments
 * @param toolCallId the tool call
 * @param permissionSuggestions the server's suggested rules ({@code {id, text}})
 * @param blockedPath the path that made the server ask, or {@code null}
 */
record WireControlRequest(String subtype, String toolName, JsonNode input, String toolCallId,
        List<Suggestion> permissionSuggestions, String blockedPath) {

    /**
     * Binds a request leniently, field by field: a field of the wrong type reads as absent (no input, no
     * suggestions), so one odd field never loses the request.
     *
     * @param request the frame's {@code request} object
     * @return the request, or {@code null} when it names no tool (nothing could be asked about it)
     */
    static WireControlRequest bind(JsonNode request) {
        JsonNode name = request.get("tool_name");
        String toolName = name != null && name.isString() ? name.stringValue() : null;
        if (toolName == null || toolName.isBlank()) {
            return null;
        }
        JsonNode input = request.get("input");
        List<Suggestion> suggestions = new ArrayList<>();
        JsonNode listed = request.get("permission_suggestions");
        if (listed != null && listed.isArray()) {
            for (JsonNode suggestion : listed) {
                if (suggestion.isObject()) {
                    suggestions.add(new Suggestion(Json.text(suggestion, "id"), Json.text(suggestion, "text")));
                }
            }
        }
        return new WireControlRequest("can_use_tool", toolName, input != null && input.isObject() ? input : null,
                Json.text(request, "tool_call_id"), suggestions, Json.text(request, "blocked_path"));
    }

    /** One suggested permission rule. */
    record Suggestion(String id, String text) {
    }
}

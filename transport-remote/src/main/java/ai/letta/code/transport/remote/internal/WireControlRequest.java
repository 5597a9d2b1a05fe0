package ai.letta.code.transport.remote.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
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
@JsonIgnoreProperties(ignoreUnknown = true)
record WireControlRequest(String subtype, String toolName, JsonNode input, String toolCallId,
        List<Suggestion> permissionSuggestions, String blockedPath) {

    /** One suggested permission rule. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Suggestion(String id, String text) {
    }
}

package ai.letta.code.testkit.fakeapi;

import static ai.letta.code.testkit.fakeapi.LettaStore.JSON;

import java.util.ArrayList;
import java.util.List;

import ai.letta.code.testkit.script.RecordedRequest;
import ai.letta.code.testkit.script.TurnRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a Letta messages request ({@code ConversationMessageRequest}) into a {@link TurnRequest}, and turns the
 * messages it carries into history entries. The shapes are what Letta Code 0.32.18 posts (offline-peers.md §5.3,
 * §5.4): a user message with {@code <system-reminder>} parts before the text, or {@code type:"approval"} with
 * {@code approvals:[{type:"tool", tool_return, status}]} after running a tool, or
 * {@code approvals:[{type:"approval", approve:false, reason}]} after a denial.
 */
final class LettaTurnRequests {

    private static final String REMINDER = "<system-reminder>";

    private LettaTurnRequests() {
    }

    static TurnRequest parse(String conversation, String model, JsonNode body, RecordedRequest recorded) {
        JsonNode last = lastMessage(body);
        TurnRequest.ToolResult toolResult = toolResult(last);
        String userText = toolResult != null ? "" : body.path("input").isString()
                ? body.path("input").stringValue() : userText(last.path("content"));
        List<TurnRequest.ToolSchema> tools = new ArrayList<>();
        for (JsonNode tool : body.path("client_tools")) {
            List<String> parameters = new ArrayList<>(tool.path("parameters").path("properties").propertyNames());
            tools.add(new TurnRequest.ToolSchema(tool.path("name").asString(""), parameters));
        }
        String requestModel = body.path("override_model").isString() ? body.get("override_model").stringValue()
                : model;
        return new TurnRequest(conversation, requestModel, userText, toolResult, tools, recorded);
    }

    /** History entries for what the client sent: user messages, approval responses and tool returns. */
    static List<ObjectNode> historyEntries(JsonNode body) {
        List<ObjectNode> entries = new ArrayList<>();
        if (body.path("input").isString()) {
            entries.add(entry("user_message", body.path("otid")).put("content", body.get("input").stringValue()));
        }
        for (JsonNode message : body.path("messages")) {
            String type = message.path("type").asString("message");
            if (type.equals("approval")) {
                ObjectNode response = entry("approval_response_message", message.path("otid"));
                response.set("approvals", message.path("approvals").deepCopy());
                entries.add(response);
                for (JsonNode approval : message.path("approvals")) {
                    if ("tool".equals(approval.path("type").asString())) {
                        entries.add(entry("tool_return_message", message.path("otid"))
                                .put("tool_call_id", approval.path("tool_call_id").asString(""))
                                .put("tool_return", text(approval.path("tool_return")))
                                .put("status", approval.path("status").asString("success")));
                    }
                }
            } else {
                String role = message.path("role").asString("user");
                ObjectNode entry = entry(role + "_message", message.path("otid"));
                entry.set("content", message.path("content").deepCopy());
                entries.add(entry);
            }
        }
        return entries;
    }

    private static ObjectNode entry(String messageType, JsonNode otid) {
        ObjectNode entry = JSON.createObjectNode().put("message_type", messageType)
                .put("id", LettaStore.newId("message")).put("date", LettaStore.now());
        if (otid.isString()) {
            entry.put("otid", otid.stringValue());
        }
        return entry;
    }

    private static JsonNode lastMessage(JsonNode body) {
        JsonNode messages = body.path("messages");
        return messages.isArray() && !messages.isEmpty() ? messages.get(messages.size() - 1) : JSON.missingNode();
    }

    private static TurnRequest.ToolResult toolResult(JsonNode message) {
        String type = message.path("type").asString("");
        JsonNode first = type.equals("approval") ? message.path("approvals").path(0)
                : type.equals("tool_return") ? message.path("tool_returns").path(0) : null;
        if (first == null || first.isMissingNode()) {
            return null;
        }
        String id = first.path("tool_call_id").asString("");
        if (first.has("tool_return")) {
            return new TurnRequest.ToolResult(id, text(first.get("tool_return")),
                    "error".equals(first.path("status").asString()));
        }
        boolean approved = first.path("approve").asBoolean(false);
        return new TurnRequest.ToolResult(id, approved ? "approved" : first.path("reason").asString("denied"),
                !approved);
    }

    /** The last text part that is not a system reminder ({@code ""} if none). */
    private static String userText(JsonNode content) {
        if (content.isString()) {
            return content.stringValue();
        }
        String found = "";
        for (JsonNode part : content) {
            String text = part.path("text").asString("");
            if ("text".equals(part.path("type").asString()) && !text.startsWith(REMINDER)) {
                found = text;
            }
        }
        return found;
    }

    /** A tool return as text: a string, or the joined {@code text} of content parts. */
    private static String text(JsonNode toolReturn) {
        if (toolReturn.isString()) {
            return toolReturn.stringValue();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : toolReturn) {
            text.append(part.path("text").asString(""));
        }
        return text.toString();
    }
}

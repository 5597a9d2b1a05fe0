package ai.letta.code.testkit.fakemodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import ai.letta.code.testkit.script.RecordedRequest;
import ai.letta.code.testkit.script.TurnRequest;
import tools.jackson.databind.JsonNode;

/**
 * Reads a chat-completions request into a {@link TurnRequest}. Letta Code 0.32.18 sends user content as a list
 * of text parts, {@code <system-reminder>} parts first and the user's text last; the first reminder already
 * contains the word "tool", so reminders are skipped (offline-peers.md §4.5). A request whose last message has
 * {@code role: "tool"} carries a tool result (after a denial, its content is the denial message).
 */
final class ChatTurnRequests {

    private static final String REMINDER = "<system-reminder>";

    private ChatTurnRequests() {
    }

    static TurnRequest parse(JsonNode body, RecordedRequest recorded) {
        JsonNode messages = body.path("messages");
        JsonNode last = messages.isArray() && !messages.isEmpty() ? messages.get(messages.size() - 1) : body;
        TurnRequest.ToolResult toolResult = null;
        String userText = "";
        if ("tool".equals(last.path("role").asString())) {
            toolResult = new TurnRequest.ToolResult(last.path("tool_call_id").asString(""),
                    text(last.path("content")), false);
        } else {
            userText = lastUserText(messages);
        }
        List<TurnRequest.ToolSchema> tools = new ArrayList<>();
        for (JsonNode tool : body.path("tools")) {
            JsonNode function = tool.path("function");
            tools.add(new TurnRequest.ToolSchema(function.path("name").asString(""),
                    new ArrayList<>(function.path("parameters").path("properties").propertyNames())));
        }
        return new TurnRequest("", body.path("model").asString(""), userText, toolResult, tools, recorded);
    }

    /** @return the text of the request's leading {@code system} message, if it has one */
    static Optional<String> systemPrompt(JsonNode body) {
        JsonNode first = body.path("messages").path(0);
        return "system".equals(first.path("role").asString()) ? Optional.of(text(first.path("content")))
                : Optional.empty();
    }

    private static String lastUserText(JsonNode messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            JsonNode message = messages.get(i);
            if (!"user".equals(message.path("role").asString())) {
                continue;
            }
            JsonNode content = message.path("content");
            if (content.isString()) {
                if (!content.stringValue().startsWith(REMINDER)) {
                    return content.stringValue();
                }
                continue;
            }
            for (int j = content.size() - 1; j >= 0; j--) {
                String text = content.get(j).path("text").asString("");
                if (!text.isEmpty() && !text.startsWith(REMINDER)) {
                    return text;
                }
            }
        }
        return "";
    }

    private static String text(JsonNode content) {
        if (content.isString()) {
            return content.stringValue();
        }
        StringBuilder text = new StringBuilder();
        content.forEach(part -> text.append(part.path("text").asString("")));
        return text.toString();
    }
}

package ai.letta.code.transport.cloud.rest;

import ai.letta.code.api.event.AssistantMessage;
import ai.letta.code.api.event.ErrorCode;
import ai.letta.code.api.event.ErrorEvent;
import ai.letta.code.api.event.Reasoning;
import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.api.event.StopReason;
import ai.letta.code.api.event.ToolCall;
import ai.letta.code.api.event.ToolResult;
import ai.letta.code.api.event.UnknownEvent;
import ai.letta.code.api.message.MessageResponse;
import ai.letta.code.api.message.RunInfo;
import ai.letta.code.api.message.Usage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Letta messages ({@code LettaMessageUnion}, {@code LettaStreamingResponse} members) as the sdk-api's
 * {@link SessionEvent}s, the mapping {@code Messages} documents; and the response, usage and run values around
 * them. Reads JSON trees, so a field or message type this SDK does not know is kept (an {@link UnknownEvent}, an
 * {@code extras} entry), never a failure.
 */
final class MessageDecoding {

    private static final JsonMapper JSON = JsonMapper.shared();

    private static final Set<String> USAGE_FIELDS = Set.of("message_type", "prompt_tokens", "completion_tokens",
            "total_tokens", "step_count", "run_ids");
    private static final Set<String> RUN_FIELDS = Set.of("id", "status", "agent_id", "conversation_id",
            "stop_reason", "created_at", "completed_at");
    private static final Set<String> RESPONSE_FIELDS = Set.of("messages", "stop_reason", "usage");

    private MessageDecoding() {
    }

    /**
     * @param message one Letta message
     * @return its events: none for {@code ping}, {@code stop_reason} and {@code usage_statistics} (read those with
     *     {@link #stopReason} and {@link #usage}), one per call for parallel tool calls or returns
     */
    static List<SessionEvent> events(JsonNode message) {
        String type = message.path("message_type").asString("");
        String id = text(message.path("id"));
        String runId = text(message.path("run_id"));
        List<SessionEvent> events = new ArrayList<>();
        switch (type) {
            case "ping", "stop_reason", "usage_statistics" -> {
                // Not messages: the stream keeps them.
            }
            case "assistant_message" -> events.add(new AssistantMessage(id, content(message.path("content")),
                    runId));
            case "reasoning_message" -> events.add(new Reasoning(id, text(message.path("reasoning")), runId));
            case "tool_call_message", "approval_request_message" -> {
                JsonNode calls = message.path("tool_calls");
                if (calls.isArray() && !calls.isEmpty()) {
                    calls.forEach(call -> events.add(toolCall(call, runId)));
                } else if (message.path("tool_call").isObject()) {
                    events.add(toolCall(message.path("tool_call"), runId));
                } else {
                    events.add(unknown(type, message));
                }
            }
            case "tool_return_message" -> {
                JsonNode returns = message.path("tool_returns");
                if (returns.isArray() && !returns.isEmpty()) {
                    returns.forEach(r -> events.add(toolResult(r, runId)));
                } else {
                    events.add(toolResult(message, runId));
                }
            }
            case "error_message" -> events.add(error(message));
            default -> events.add(unknown(type.isEmpty() ? "unknown" : type, message));
        }
        return events;
    }

    /**
     * @param error an {@code event: error} payload: {@code {"error", "code"}} or a {@code LettaErrorMessage}
     * @return it as an error event
     */
    static ErrorEvent error(JsonNode error) {
        String message = text(error.path("message"));
        if (message == null) {
            message = error.path("error").isString() ? error.path("error").stringValue()
                    : text(error.path("error").path("message"));
        }
        String code = text(error.path("error_type"));
        if (code == null) {
            code = text(error.path("code"));
        }
        JsonNode detail = error.path("detail");
        return new ErrorEvent(message == null ? "the Letta API reported an error" : message,
                code == null ? ErrorCode.ERROR : ErrorCode.of(code.toLowerCase(java.util.Locale.ROOT)),
                detail.isMissingNode() || detail.isNull() ? null : detail.isString() ? detail.stringValue()
                        : detail.toString(), text(error.path("run_id")));
    }

    static StopReason stopReason(JsonNode message) {
        return StopReason.of(text(message.path("stop_reason")));
    }

    static Usage usage(JsonNode usage) {
        List<String> runIds = new ArrayList<>();
        usage.path("run_ids").forEach(id -> runIds.add(text(id)));
        return new Usage(usage.path("prompt_tokens").asLong(0), usage.path("completion_tokens").asLong(0),
                usage.path("total_tokens").asLong(0), usage.path("step_count").asInt(0), runIds,
                extras(usage, USAGE_FIELDS));
    }

    /** @param response a {@code LettaResponse} */
    static MessageResponse response(JsonNode response) {
        List<SessionEvent> events = new ArrayList<>();
        response.path("messages").forEach(message -> events.addAll(events(message)));
        JsonNode stop = response.path("stop_reason");
        return new MessageResponse(events, stop.isObject() ? stopReason(stop) : StopReason.of(text(stop)),
                response.path("usage").isObject() ? usage(response.path("usage")) : Usage.NONE,
                extras(response, RESPONSE_FIELDS));
    }

    /** @param run a {@code Run} */
    static RunInfo run(JsonNode run) {
        String stop = text(run.path("stop_reason"));
        return new RunInfo(run.path("id").asString(""), text(run.path("status")), text(run.path("agent_id")),
                text(run.path("conversation_id")), stop == null ? null : StopReason.of(stop),
                WireMapping.instant(text(run.path("created_at"))), WireMapping.instant(text(run.path("completed_at"))),
                extras(run, RUN_FIELDS));
    }

    /** The fields of {@code node} outside {@code known}, as plain Java values (JSON null kept as null). */
    static Map<String, Object> extras(JsonNode node, Set<String> known) {
        Map<String, Object> extras = new LinkedHashMap<>();
        node.propertyStream().filter(e -> !known.contains(e.getKey()))
                .forEach(e -> extras.put(e.getKey(), JSON.treeToValue(e.getValue(), Object.class)));
        return extras;
    }

    private static ToolCall toolCall(JsonNode call, String runId) {
        String arguments = call.path("arguments").isString() ? call.path("arguments").stringValue()
                : call.path("arguments").isMissingNode() ? "" : call.path("arguments").toString();
        return new ToolCall(text(call.path("tool_call_id")), text(call.path("name")), input(arguments), arguments,
                runId);
    }

    private static ToolResult toolResult(JsonNode result, String runId) {
        JsonNode value = result.path("tool_return");
        String text = value.isString() ? value.stringValue() : value.isMissingNode() || value.isNull() ? ""
                : content(value);
        return new ToolResult(text(result.path("tool_call_id")), text,
                "error".equals(result.path("status").asString("")), runId);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> input(String arguments) {
        if (arguments.isBlank()) {
            return Map.of();
        }
        try {
            Object parsed = JSON.readValue(arguments, Object.class);
            if (parsed instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
        } catch (JacksonException e) {
            // Partial arguments of a token stream, or not JSON: kept raw below.
        }
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("raw", arguments);
        return raw;
    }

    private static UnknownEvent unknown(String type, JsonNode message) {
        return new UnknownEvent(type, message.toString());
    }

    /** Content: a string, or parts whose {@code text} joins. */
    private static String content(JsonNode content) {
        if (content.isString()) {
            return content.stringValue();
        }
        StringBuilder out = new StringBuilder();
        for (JsonNode part : content) {
            JsonNode piece = part.isString() ? part : part.path("text");
            if (piece.isString()) {
                out.append(piece.stringValue());
            }
        }
        return out.toString();
    }

    private static String text(JsonNode node) {
        return node.isString() ? node.stringValue() : node.isNumber() || node.isBoolean() ? node.asString() : null;
    }
}

package ai.letta.code.transport.local.wire;

import ai.letta.code.api.ContentPart;
import ai.letta.code.api.UserMessage;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.exception.ProtocolException;
import ai.letta.code.api.permission.PermissionDecision;
import ai.letta.code.transport.local.wire.WireMessage.WireToolCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON on the CLI's stdio (local-stdio.md §3): one object per line. Decoding never throws: an unknown {@code type}
 * becomes {@link WireMessage.Unknown}, a line that is not a JSON object {@link WireMessage.Malformed}, a known
 * type with odd fields a best-effort record, so nothing the CLI adds in a later version can fail a turn.
 *
 * <p>Encoding writes compact JSON, which escapes every newline inside strings: one message is exactly one line,
 * as the NDJSON framing requires. Thread-safe; its only state is whether {@link #warmUp()} has run.
 */
public final class NdjsonCodec {

    /**
     * One line of each kind a plain turn reads, in CLI 0.32.18's shapes (local-stdio.md §3): what {@link #warmUp()}
     * decodes.
     */
    static final List<String> WARM_UP_LINES = List.of(
            "{\"type\":\"queue_item_enqueued\",\"item_id\":\"q\",\"client_message_id\":\"c\",\"source\":"
                    + "\"user\",\"kind\":\"message\",\"content\":\"warm-up\"}",
            "{\"type\":\"queue_batch_dequeued\",\"batch_id\":\"b\",\"item_ids\":[\"q\"],\"merged_count\":1}",
            "{\"type\":\"message\",\"message_type\":\"reasoning_message\",\"id\":\"m\",\"run_id\":\"r\","
                    + "\"reasoning\":\"warm-up\"}",
            "{\"type\":\"message\",\"message_type\":\"assistant_message\",\"id\":\"m\",\"run_id\":\"r\","
                    + "\"content\":[{\"type\":\"text\",\"text\":\"warm-up\"}]}",
            "{\"type\":\"message\",\"message_type\":\"tool_call_message\",\"id\":\"m\",\"run_id\":\"r\","
                    + "\"tool_call\":{\"tool_call_id\":\"t\",\"name\":\"Bash\",\"arguments\":\"{}\"}}",
            "{\"type\":\"message\",\"message_type\":\"stop_reason\",\"stop_reason\":\"end_turn\"}",
            "{\"type\":\"result\",\"subtype\":\"success\",\"result\":\"warm-up\",\"duration_ms\":1,"
                    + "\"num_turns\":1,\"conversation_id\":\"conv-w\",\"run_ids\":[\"r\"],\"stop_reason\":"
                    + "\"end_turn\"}");

    private final AtomicBoolean warmedUp = new AtomicBoolean();

    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private final ObjectReader maps = json.readerFor(LinkedHashMap.class);
    private final TurnLineReader turnLines = new TurnLineReader(json);

    /**
     * Encodes a user line and decodes one line of each kind a turn reads, once per codec: on a cold JVM the first
     * turn otherwise pays Jackson's serializer set-up and the decoding classes (measured about 15 ms on the write
     * path alone, on a 2-core machine) while the user waits. A session calls this while its CLI boots, which takes
     * about a second and which it waits for anyway. Later calls return at once.
     *
     * @return what the lines decoded to, for the session to map as well, or an empty list if the codec had warmed up
     *     already
     */
    public List<WireMessage.Decoded> warmUp() {
        if (!warmedUp.compareAndSet(false, true)) {
            return List.of();
        }
        user(UserMessage.text("warm-up"));
        List<WireMessage.Decoded> decoded = new ArrayList<>();
        WARM_UP_LINES.forEach(line -> decoded.add(decode(line)));
        return decoded;
    }

    /**
     * @param line one stdout line, without its terminator
     * @return the decoded message with its tree (the tree is null for a malformed line); the lines a turn is made of
     *     are read in one pass ({@code TurnLineReader}) and build their tree only if it is asked for
     */
    public WireMessage.Decoded decode(String line) {
        ObjectNode kept = turnLines.read(line);
        if (kept != null) {
            return WireMessage.Decoded.withTreeOnDemand(decodeTree(kept, line), () -> json.readTree(line));
        }
        return decodeWholeTree(line);
    }

    /**
     * @param line one stdout line
     * @return it decoded from the tree of the whole line, which any line can take
     */
    WireMessage.Decoded decodeWholeTree(String line) {
        JsonNode tree;
        try {
            tree = json.readTree(line);
        } catch (JacksonException e) {
            return new WireMessage.Decoded(new WireMessage.Malformed(line, e.getOriginalMessage()), null);
        }
        if (tree == null || !tree.isObject()) {
            return new WireMessage.Decoded(new WireMessage.Malformed(line, "not a JSON object"), null);
        }
        return new WireMessage.Decoded(decodeTree(tree, line), tree);
    }

    private WireMessage decodeTree(JsonNode n, String line) {
        String type = text(n, "type");
        String subtype = text(n, "subtype");
        if (type == null) {
            return new WireMessage.Unknown("(no type)", line);
        }
        switch (type) {
            case "system":
                return "init".equals(subtype)
                        ? new WireMessage.SystemInit(text(n, "agent_id"), text(n, "conversation_id"),
                                text(n, "model"), strings(n.path("tools")), text(n, "cwd"))
                        : new WireMessage.Unknown("system/" + subtype, line);
            case "message":
                return message(n, false);
            case "stream_event":
                return n.path("event").isObject() ? message(n.path("event"), true)
                        : new WireMessage.Unknown(type, line);
            case "result":
                return new WireMessage.ResultLine(subtype, text(n, "result"), n.path("duration_ms").asLong(0),
                        n.path("num_turns").asInt(0), text(n, "conversation_id"), strings(n.path("run_ids")),
                        text(n, "stop_reason"));
            case "error": {
                JsonNode api = n.path("api_error");
                return new WireMessage.ErrorLine(text(n, "message"), text(n, "stop_reason"), text(n, "run_id"),
                        text(api, "error_type"), firstText(api, "detail", "message"));
            }
            case "retry":
                return new WireMessage.RetryLine(text(n, "reason"), n.path("attempt").asInt(0),
                        n.path("max_attempts").asInt(0), n.path("delay_ms").asLong(0), text(n, "run_id"));
            case "queue_item_enqueued":
                return new WireMessage.QueueEnqueued(text(n, "item_id"), text(n, "client_message_id"),
                        text(n, "source"), text(n, "kind"), contentText(n.path("content")));
            case "queue_batch_dequeued":
                return new WireMessage.QueueDequeued(text(n, "batch_id"), strings(n.path("item_ids")),
                        n.path("merged_count").asInt(Math.max(1, n.path("item_ids").size())));
            case "queue_item_dropped":
                return new WireMessage.QueueDropped(text(n, "item_id"), text(n, "reason"));
            case "queue_cleared":
                return new WireMessage.QueueCleared(text(n, "reason"));
            case "queue_blocked":
                return new WireMessage.QueueBlocked(text(n, "reason"));
            case "control_request": {
                JsonNode r = n.path("request");
                List<String> suggestions = new ArrayList<>();
                r.path("permission_suggestions").values()
                        .forEach(s -> suggestions.add(s.isString() ? s.stringValue() : s.toString()));
                return new WireMessage.ControlRequest(text(n, "request_id"), text(r, "subtype"),
                        text(r, "tool_name"), text(r, "tool_call_id"), map(r.path("input")), suggestions,
                        text(r, "blocked_path"));
            }
            case "control_response": {
                JsonNode r = n.path("response");
                return new WireMessage.ControlResponse(text(r, "request_id"), text(r, "subtype"), text(r, "error"),
                        map(r));
            }
            default:
                return new WireMessage.Unknown(type, line);
        }
    }

    private WireMessage.Message message(JsonNode m, boolean partial) {
        String type = text(m, "message_type");
        String text = "reasoning_message".equals(type) ? firstText(m, "reasoning", "content")
                : contentText(m.path("content"));
        return new WireMessage.Message(type, text(m, "id"), text(m, "run_id"), text, toolCalls(m),
                text(m, "tool_call_id"), contentText(m.path("tool_return")), text(m, "status"),
                text(m, "stop_reason"), partial);
    }

    /** {@code tool_call} or {@code tool_calls[]}; id as {@code tool_call_id} or {@code id}; name/arguments flat or under {@code function}. */
    private List<WireToolCall> toolCalls(JsonNode m) {
        List<WireToolCall> calls = new ArrayList<>(1);
        List<JsonNode> nodes = new ArrayList<>(1);
        if (m.path("tool_calls").isArray()) {
            nodes.addAll(m.path("tool_calls").values());
        } else if (m.path("tool_call").isObject()) {
            nodes.add(m.path("tool_call"));
        }
        for (JsonNode c : nodes) {
            JsonNode fn = c.path("function");
            JsonNode args = c.has("arguments") ? c.path("arguments") : fn.path("arguments");
            calls.add(new WireToolCall(firstText(c, "tool_call_id", "id"), c.path("index").asInt(-1),
                    c.has("name") ? text(c, "name") : text(fn, "name"),
                    args.isMissingNode() || args.isNull() ? null : args.isString() ? args.stringValue()
                            : args.toString()));
        }
        return calls;
    }

    /** Assistant content is a string from a Letta server and an array of text parts from the local backend. */
    static String contentText(JsonNode content) {
        if (content == null || content.isMissingNode() || content.isNull()) {
            return null;
        }
        if (content.isString()) {
            return content.stringValue();
        }
        if (content.isArray()) {
            StringBuilder text = new StringBuilder();
            for (JsonNode part : content.values()) {
                if (part.isString()) {
                    text.append(part.stringValue());
                } else if (part.path("text").isString()) {
                    text.append(part.path("text").stringValue());
                }
            }
            return text.toString();
        }
        return content.toString();
    }

    /**
     * @param arguments tool arguments as JSON text
     * @return them as plain Java values, or {@code null} when they are not a JSON object (partial or invalid)
     */
    public Map<String, Object> object(String arguments) {
        // A bare parser: the reader binds the map with a context of its own.
        try (JsonParser p = json.tokenStreamFactory().createParser(ObjectReadContext.empty(), arguments)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Map<String, Object> map = maps.readValue(p);
            // As a tree read of the text would: nothing may follow the object.
            return p.nextToken() == null ? map : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    /** @return an object node as plain Java values (maps, lists, strings, numbers, booleans, nulls); empty otherwise */
    @SuppressWarnings("unchecked")
    public Map<String, Object> map(JsonNode node) {
        if (node == null || !node.isObject()) {
            return new LinkedHashMap<>();
        }
        return maps.readValue(node);
    }

    /** @return a {@code user} line */
    public String user(UserMessage message) {
        Object content;
        if (message.content().size() == 1 && message.content().get(0) instanceof ContentPart.Text t) {
            content = t.text();
        } else {
            List<Object> parts = new ArrayList<>();
            for (ContentPart part : message.content()) {
                if (part instanceof ContentPart.Text t) {
                    parts.add(ordered("type", "text", "text", t.text()));
                } else if (part instanceof ContentPart.Image i) {
                    parts.add(ordered("type", "image", "source",
                            ordered("type", "base64", "media_type", i.mediaType(), "data", i.base64())));
                }
            }
            content = parts;
        }
        return write(ordered("type", "user", "message", ordered("role", "user", "content", content)));
    }

    /** @return a {@code control_request} line */
    public String controlRequest(String requestId, Map<String, Object> request) {
        return write(ordered("type", "control_request", "request_id", requestId, "request", request));
    }

    /** @return the {@code control_response} answering a {@code can_use_tool} request (local-stdio.md §3.1) */
    public String permissionAnswer(String requestId, PermissionDecision decision) {
        Map<String, Object> answer;
        if (decision instanceof PermissionDecision.Allow allow) {
            answer = ordered("behavior", "allow", "updatedInput", allow.updatedInput().orElse(null), "updatedPermissions",
                    List.of());
        } else {
            PermissionDecision.Deny deny = (PermissionDecision.Deny) decision;
            answer = ordered("behavior", "deny", "message", deny.message(), "interrupt", deny.interrupt());
        }
        return write(ordered("type", "control_response", "response",
                ordered("subtype", "success", "request_id", requestId, "response", answer)));
    }

    /** @return any message as one line */
    public String write(Object message) {
        String line;
        try {
            line = json.writeValueAsString(message);
        } catch (JacksonException e) {
            // Only a user's raw command can hold a value Jackson cannot write.
            throw new ConfigurationException("a command value cannot be written as JSON (" + e.getOriginalMessage()
                    + "); use plain Java values: maps, lists, strings, numbers, booleans, nulls", e);
        }
        if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
            // Cannot happen with compact output (strings escape newlines); a raw newline would split the message.
            throw new ProtocolException("an encoded message spans several lines, which would split it on stdin");
        }
        return line;
    }

    private static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    public static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return null;
        }
        return v.isString() ? v.stringValue() : v.isValueNode() ? v.asString() : v.toString();
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            String value = text(node, field);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.values().forEach(v -> out.add(v.isString() ? v.stringValue() : v.toString()));
        return out;
    }
}

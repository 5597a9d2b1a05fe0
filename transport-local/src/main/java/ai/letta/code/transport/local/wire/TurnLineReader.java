package ai.letta.code.transport.local.wire;

import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Reads the lines a turn is made of ({@code message}, {@code stream_event}, {@code result}) in one pass over the
 * text, keeping only the fields {@link NdjsonCodec} reads from them: the rest of the line never becomes a tree. What
 * it keeps is the same nodes a tree of the whole line holds (the last of duplicate names counts, as there), so the
 * codec decodes them alike; an assistant message's content list is joined to its text while it is read. Anything
 * this reader is not sure about (another type, a type that is not the first field, a duplicate {@code type}, a
 * {@code message_type} after the content, a syntax error, trailing text) is left to the whole-tree path.
 * Thread-safe and stateless.
 */
final class TurnLineReader {

    /** The fields {@code NdjsonCodec} reads from a message (also inside a {@code stream_event}). */
    private static final Set<String> MESSAGE = Set.of("message_type", "id", "run_id", "content", "reasoning",
            "tool_calls", "tool_call", "tool_call_id", "tool_return", "status", "stop_reason");
    /** The fields it reads from a result. */
    private static final Set<String> RESULT = Set.of("subtype", "result", "duration_ms", "num_turns",
            "conversation_id", "run_ids", "stop_reason");

    private final JsonMapper json;
    /** Reads a value in the middle of its line: what follows is the line's, not trailing text. */
    private final ObjectReader trees;

    TurnLineReader(JsonMapper json) {
        this.json = json;
        this.trees = json.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /**
     * @param line one stdout line
     * @return the fields the codec reads from it (its {@code type} first), or {@code null} when the whole tree must be
     *     read
     */
    ObjectNode read(String line) {
        String type = line.startsWith("{\"type\":\"message\"") ? "message"
                : line.startsWith("{\"type\":\"result\"") ? "result"
                : line.startsWith("{\"type\":\"stream_event\"") ? "stream_event" : null;
        if (type == null) {
            return null; // the CLI writes the type first; any other order goes through the tree
        }
        try (JsonParser p = json.tokenStreamFactory().createParser(ObjectReadContext.empty(), line)) {
            if (p.nextToken() != JsonToken.START_OBJECT || !"type".equals(p.nextName())
                    || p.nextToken() != JsonToken.VALUE_STRING || !type.equals(p.getString())) {
                return null;
            }
            ObjectNode kept = JsonNodeFactory.instance.objectNode();
            kept.put("type", type);
            for (String name = p.nextName(); name != null; name = p.nextName()) {
                JsonToken token = p.nextToken();
                if (name.equals("type")) {
                    return null;
                } else if (type.equals("stream_event") && name.equals("event")) {
                    JsonNode event = token == JsonToken.START_OBJECT ? message(p) : value(p, token);
                    if (event == null) {
                        return null;
                    }
                    kept.set(name, event);
                } else if ((type.equals("message") ? MESSAGE : type.equals("result") ? RESULT : Set.of())
                        .contains(name)) {
                    if (!keep(kept, name, p, token)) {
                        return null;
                    }
                } else {
                    p.skipChildren();
                }
            }
            return p.nextToken() == null ? kept : null;
        } catch (JacksonException e) {
            return null; // the tree path says what is wrong with the line
        }
    }

    /** @return the message object {@code p} is at, its fields kept, or {@code null} to read the tree instead */
    private ObjectNode message(JsonParser p) {
        ObjectNode kept = JsonNodeFactory.instance.objectNode();
        for (String name = p.nextName(); name != null; name = p.nextName()) {
            JsonToken token = p.nextToken();
            if (!MESSAGE.contains(name)) {
                p.skipChildren();
            } else if (!keep(kept, name, p, token)) {
                return null;
            }
        }
        return kept;
    }

    /** @return whether the field could be kept as the tree would hold it for the codec */
    private boolean keep(ObjectNode kept, String name, JsonParser p, JsonToken token) {
        if (name.equals("message_type") && kept.has("content")) {
            return false; // the content may have been read for another type
        }
        JsonNode messageType = kept.get("message_type");
        if (name.equals("content") && token == JsonToken.START_ARRAY && messageType != null
                && messageType.isString() && !messageType.stringValue().equals("reasoning_message")) {
            // The codec reads an assistant's list of parts only as its joined text (a reasoning's as JSON text).
            kept.put(name, joined(p));
            return true;
        }
        kept.set(name, value(p, token));
        return true;
    }

    private JsonNode value(JsonParser p, JsonToken token) {
        if (token == JsonToken.VALUE_STRING) {
            return StringNode.valueOf(p.getString());
        }
        if (token == JsonToken.VALUE_NULL) {
            return NullNode.getInstance();
        }
        if (token == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
            return IntNode.valueOf(p.getIntValue());
        }
        return trees.readTree(p);
    }

    /** @return the text of the parts list {@code p} is at, as {@code NdjsonCodec.contentText} joins it */
    private String joined(JsonParser p) {
        StringBuilder text = new StringBuilder();
        for (JsonToken part = p.nextToken(); part != JsonToken.END_ARRAY; part = p.nextToken()) {
            if (part == JsonToken.VALUE_STRING) {
                text.append(p.getString());
            } else if (part == JsonToken.START_OBJECT) {
                String partText = null;
                for (String name = p.nextName(); name != null; name = p.nextName()) {
                    JsonToken value = p.nextToken();
                    if (name.equals("text")) {
                        partText = value == JsonToken.VALUE_STRING ? p.getString() : null; // the last one counts
                    }
                    p.skipChildren();
                }
                if (partText != null) {
                    text.append(partText);
                }
            } else {
                p.skipChildren();
            }
        }
        return text.toString();
    }
}

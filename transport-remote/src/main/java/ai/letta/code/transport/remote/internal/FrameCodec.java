package ai.letta.code.transport.remote.internal;

import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.exception.MalformedFrameException;
import ai.letta.code.spi.Redaction;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON to and from the app server's text frames (one JSON object per frame, spec app-server-ws.md §2.1). Decoding
 * never fails on unknown fields or types: the protocol grows faster than this SDK, and an unknown frame must not
 * fail a turn. Only text that is not a JSON object is rejected, with a {@link MalformedFrameException} quoting a
 * truncated fragment. Thread-safe and stateless.
 *
 * <p>The frames a turn is made of are read in one pass ({@code RuntimeEventReader}); any other frame, and any of
 * those that pass is not sure about, is read as a tree.
 */
public final class FrameCodec {

    /** How much of a bad frame an error message quotes. */
    static final int QUOTE_LIMIT = 200;

    private final JsonMapper mapper = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    private final ObjectReader maps = mapper.readerFor(LinkedHashMap.class);
    private final RuntimeEventReader runtimeEvents = new RuntimeEventReader(mapper);

    /**
     * @param text one text frame
     * @return the decoded frame
     * @throws MalformedFrameException if the text is not a JSON object
     */
    public ServerFrame decode(String text) {
        ServerFrame event = runtimeEvents.read(text);
        if (event != null) {
            return event;
        }
        return decodeTree(text);
    }

    /**
     * @param text one text frame
     * @return it decoded from its tree, which any frame can take
     * @throws MalformedFrameException if the text is not a JSON object
     */
    ServerFrame decodeTree(String text) {
        JsonNode json;
        try {
            json = mapper.readTree(text);
        } catch (JacksonException e) {
            throw new MalformedFrameException("the app server sent a frame that is not JSON: " + quote(text), e);
        }
        if (json == null || !json.isObject()) {
            throw new MalformedFrameException("the app server sent a frame that is not a JSON object: " + quote(text));
        }
        String type = Json.text(json, "type");
        return new ServerFrame(type == null ? "" : type, Json.text(json, "request_id"), runtime(json.get("runtime")),
                json, text);
    }

    /**
     * @param command a command as plain Java values (maps, lists, strings, numbers, booleans, nulls)
     * @return its JSON text
     * @throws ConfigurationException if a value cannot be written as JSON (only a user's raw command can hold one)
     */
    public String encode(Map<String, ?> command) {
        try {
            return mapper.writeValueAsString(command);
        } catch (JacksonException e) {
            throw new ConfigurationException("a command value cannot be written as JSON (" + e.getOriginalMessage()
                    + "); use plain Java values: maps, lists, strings, numbers, booleans, nulls", e);
        }
    }

    /**
     * @param node a JSON tree
     * @param type the wire record to bind it to
     * @param <T> the record type
     * @return the bound record (fields the record lacks are ignored)
     * @throws MalformedFrameException if a field has a type the record cannot take
     */
    <T> T read(JsonNode node, Class<T> type) {
        try {
            return mapper.treeToValue(node, type);
        } catch (JacksonException e) {
            throw new MalformedFrameException("the app server sent a " + type.getSimpleName() + " the SDK cannot"
                    + " read (" + Redaction.head(Redaction.text(e.getOriginalMessage()), QUOTE_LIMIT) + "): "
                    + quote(node.toString()), e);
        }
    }

    /**
     * @param node a JSON object, or null
     * @return it as plain Java values, an empty map for null or non-objects
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> toMap(JsonNode node) {
        if (node == null || !node.isObject()) {
            return new LinkedHashMap<>();
        }
        return maps.readValue(node);
    }

    /**
     * @param text JSON text of an object, e.g. tool arguments
     * @return it as plain Java values, or {@code null} when the text is not a JSON object
     */
    Map<String, Object> parseObject(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        // A bare parser: the reader binds the map with a context of its own.
        try (JsonParser p = mapper.tokenStreamFactory().createParser(ObjectReadContext.empty(), text)) {
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

    private static RuntimeKey runtime(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        String agent = Json.text(node, "agent_id");
        String conversation = Json.text(node, "conversation_id");
        return agent == null || conversation == null ? null : new RuntimeKey(agent, conversation);
    }

    /**
     * @param text a fragment of a frame
     * @return it quoted, credentials hidden, on one line, truncated to {@link #QUOTE_LIMIT} characters
     */
    static String quote(String text) {
        if (text == null) {
            return "null";
        }
        return '"' + Redaction.head(Redaction.text(text), QUOTE_LIMIT) + '"';
    }
}

package ai.letta.code.transport.remote.internal;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the frames a turn is made of, {@code stream_delta} and {@code turn_finished}, in one pass over the text: the
 * top-level strings are kept ({@link TopLevelFields}), a delta is bound straight to its {@link WireDelta}, and the
 * tree is built only if a consumer asks for it. Anything this reader is not sure about (another type, a type that is
 * not the first field, a duplicate {@code type}, an id that is no string, a delta field of the wrong type, a syntax
 * error, trailing text) is left to the tree path, so both paths decode alike and only the tree path reports errors.
 * Thread-safe and stateless.
 */
final class RuntimeEventReader {

    /** How the server's frames of these types begin: it writes the type first (a cheap test before any parser). */
    private static final String STREAM_DELTA = "{\"type\":\"stream_delta\"";
    private static final String TURN_FINISHED = "{\"type\":\"turn_finished\"";

    private final JsonMapper mapper;
    /** Binds a delta in the middle of its frame: what follows it is the frame's, not trailing text. */
    private final ObjectReader deltas;

    RuntimeEventReader(JsonMapper mapper) {
        this.mapper = mapper;
        this.deltas = mapper.readerFor(WireDelta.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /**
     * @param text one text frame
     * @return the frame, or {@code null} when the tree path must read it
     */
    ServerFrame read(String text) {
        String type = text.startsWith(STREAM_DELTA) ? "stream_delta" : text.startsWith(TURN_FINISHED)
                ? "turn_finished" : null;
        if (type == null) {
            return null;
        }
        try (JsonParser p = mapper.tokenStreamFactory().createParser(ObjectReadContext.empty(), text)) {
            if (p.nextToken() != JsonToken.START_OBJECT || !"type".equals(p.nextName())
                    || p.nextToken() != JsonToken.VALUE_STRING || !type.equals(p.getString())) {
                return null;
            }
            TopLevelFields fields = new TopLevelFields();
            fields.text("type", type);
            RuntimeKey runtime = null;
            WireDelta delta = null;
            for (String name = p.nextName(); name != null; name = p.nextName()) {
                JsonToken value = p.nextToken();
                if (name.equals("delta")) {
                    delta = null; // the last one counts
                } else if (name.equals("runtime")) {
                    runtime = null;
                }
                if (name.equals("type")) {
                    return null;
                } else if (value == JsonToken.VALUE_STRING) {
                    fields.text(name, p.getString());
                } else if (value == JsonToken.VALUE_NULL) {
                    fields.text(name, null);
                } else if (name.equals("request_id")) {
                    return null; // the tree path renders a non-string id
                } else {
                    fields.inTree(name);
                    if (name.equals("delta") && value == JsonToken.START_OBJECT) {
                        delta = deltas.readValue(p);
                    } else if (name.equals("runtime") && value == JsonToken.START_OBJECT) {
                        runtime = runtime(p);
                    } else {
                        p.skipChildren();
                    }
                }
            }
            if (p.nextToken() != null || type.equals("stream_delta") && delta == null) {
                return null; // trailing text, or a delta that is no object (the tree path ignores it)
            }
            return new ServerFrame(type, fields.text("request_id"), runtime, text, delta, fields, this::tree);
        } catch (JacksonException | NotPlain e) {
            return null;
        }
    }

    /** @return the tree of a frame read once already, so a JSON object */
    private JsonNode tree(String text) {
        return mapper.readTree(text);
    }

    /**
     * @param p at the start of a {@code runtime} object
     * @return its key, as {@code FrameCodec} reads it from a tree
     * @throws NotPlain if an id is no string or null, which the tree path renders
     */
    private static RuntimeKey runtime(JsonParser p) {
        String agent = null;
        String conversation = null;
        for (String name = p.nextName(); name != null; name = p.nextName()) {
            JsonToken value = p.nextToken();
            boolean id = name.equals("agent_id") || name.equals("conversation_id");
            if (!id) {
                p.skipChildren();
                continue;
            }
            if (value != JsonToken.VALUE_STRING && value != JsonToken.VALUE_NULL) {
                throw new NotPlain();
            }
            String text = value == JsonToken.VALUE_STRING ? p.getString() : null;
            if (name.equals("agent_id")) {
                agent = text;
            } else {
                conversation = text;
            }
        }
        return agent == null || conversation == null ? null : new RuntimeKey(agent, conversation);
    }

    /** A frame this reader leaves to the tree path. */
    private static final class NotPlain extends RuntimeException {
        NotPlain() {
            super(null, null, false, false);
        }
    }
}

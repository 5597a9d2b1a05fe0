package ai.letta.code.transport.remote.internal;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;

/**
 * Binds Letta message content straight to its text, as {@link Json#content} reads it from a tree: a string, or the
 * string parts and the {@code text} of the object parts of a list, joined; anything else is {@code ""}. Streamed,
 * so a chunk's content never becomes a tree; only an odd {@code text} (no string) is read as one, to render it alike.
 */
final class ContentText extends StdDeserializer<String> {

    ContentText() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            return p.getString();
        }
        if (token != JsonToken.START_ARRAY) {
            p.skipChildren();
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (JsonToken part = p.nextToken(); part != JsonToken.END_ARRAY; part = p.nextToken()) {
            if (part == JsonToken.VALUE_STRING) {
                out.append(p.getString());
            } else if (part == JsonToken.START_OBJECT) {
                String text = partText(p, ctxt);
                if (text != null) {
                    out.append(text);
                }
            } else {
                p.skipChildren();
            }
        }
        return out.toString();
    }

    /** @return the {@code text} of the part object {@code p} is at (the last one, as in a tree), or {@code null} */
    private static String partText(JsonParser p, DeserializationContext ctxt) {
        String text = null;
        for (String name = p.nextName(); name != null; name = p.nextName()) {
            JsonToken value = p.nextToken();
            if (!name.equals("text")) {
                p.skipChildren();
            } else if (value == JsonToken.VALUE_STRING) {
                text = p.getString();
            } else {
                text = Json.text(ctxt.readTree(p));
            }
        }
        return text;
    }

    @Override
    public String getNullValue(DeserializationContext ctxt) {
        return "";
    }
}

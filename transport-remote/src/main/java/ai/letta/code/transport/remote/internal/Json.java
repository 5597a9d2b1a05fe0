package ai.letta.code.transport.remote.internal;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Null-tolerant reads of JSON trees: the server omits fields freely, and a missing field must never throw. */
final class Json {

    private Json() {
    }

    /**
     * @param node a node, possibly null or missing
     * @return its text (a non-string scalar or a container as JSON), or {@code null} for null/missing
     */
    static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        return node.isString() ? node.stringValue() : node.isValueNode() ? node.asString() : node.toString();
    }

    /**
     * @param node a container
     * @param field the field
     * @return the field's text, or {@code null}
     */
    static String text(JsonNode node, String field) {
        return node == null ? null : text(node.get(field));
    }

    /**
     * @param node a container
     * @param field the field
     * @param fallback returned when the field is absent or not a number
     * @return the field's integer value
     */
    static long number(JsonNode node, String field, long fallback) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isNumber() ? value.asLong() : fallback;
    }

    /**
     * @param node a container
     * @param field the field
     * @return the texts of a string array field (non-strings skipped), empty when absent
     */
    static List<String> strings(JsonNode node, String field) {
        List<String> out = new ArrayList<>();
        JsonNode array = node == null ? null : node.get(field);
        if (array != null && array.isArray()) {
            for (JsonNode item : array) {
                if (item.isString()) {
                    out.add(item.stringValue());
                }
            }
        }
        return out;
    }

    /**
     * Letta message content is a string or a list of parts ({@code [{type:"text", text}]}); either way the text.
     *
     * @param content the content node
     * @return the joined text, or {@code ""}
     */
    static String content(JsonNode content) {
        if (content == null || content.isNull() || content.isMissingNode()) {
            return "";
        }
        if (content.isString()) {
            return content.stringValue();
        }
        StringBuilder out = new StringBuilder();
        if (content.isArray()) {
            for (JsonNode part : content) {
                String piece = part.isString() ? part.stringValue() : text(part, "text");
                if (piece != null) {
                    out.append(piece);
                }
            }
        }
        return out.toString();
    }
}

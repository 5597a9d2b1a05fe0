package ai.letta.code.testkit.peer;

import java.util.Objects;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * Readable predicates over wire JSON (stdio lines, websocket frames) for the bounded waits of the launchers. Their
 * {@code toString()} says what was awaited, so a timeout message reads "waited 10 s for type=result".
 */
public final class JsonMatch {

    private JsonMatch() {
    }

    /**
     * {@code "type"} equals {@code type}.
     *
     * @param type the type
     * @return the predicate
     */
    public static Predicate<JsonNode> type(String type) {
        return field("/type", type);
    }

    /**
     * {@code "type"} equals {@code type} and {@code "subtype"} equals {@code subtype}, e.g. system/init.
     *
     * @param type the type
     * @param subtype the subtype
     * @return the predicate
     */
    public static Predicate<JsonNode> type(String type, String subtype) {
        Predicate<JsonNode> both = type(type).and(field("/subtype", subtype));
        return named("type=" + type + " subtype=" + subtype, both);
    }

    /**
     * A stdio {@code message} line whose {@code message_type} equals {@code messageType}.
     *
     * @param messageType the message type
     * @return the predicate
     */
    public static Predicate<JsonNode> message(String messageType) {
        return named("type=message message_type=" + messageType,
                type("message").and(field("/message_type", messageType)));
    }

    /**
     * The text at a JSON Pointer ({@code /delta/message_type}) equals {@code value}.
     *
     * @param pointer the JSON Pointer
     * @param value the text
     * @return the predicate
     */
    public static Predicate<JsonNode> field(String pointer, String value) {
        Objects.requireNonNull(value, "value");
        return named(pointer.substring(pointer.lastIndexOf('/') + 1) + "=" + value, node -> {
            JsonNode found = node.at(pointer);
            return found.isString() && value.equals(found.stringValue());
        });
    }

    /**
     * Gives any predicate a description for timeout messages.
     *
     * @param description the description
     * @param test the predicate
     * @return the predicate, described
     */
    public static Predicate<JsonNode> named(String description, Predicate<JsonNode> test) {
        return new Named(description, test);
    }

    private record Named(String description, Predicate<JsonNode> test) implements Predicate<JsonNode> {
        @Override
        public boolean test(JsonNode node) {
            return test.test(node);
        }

        @Override
        public String toString() {
            return description;
        }
    }
}

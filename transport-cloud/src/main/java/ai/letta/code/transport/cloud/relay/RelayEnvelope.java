package ai.letta.code.transport.cloud.relay;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The top-level fields of a relay frame that the relay's own duties need (ack, de-duplication, gap detection),
 * read with a streaming parser that skips everything nested: the frame itself is decoded once, by the protocol
 * client above.
 *
 * @param type the frame's {@code type}, or {@code ""}
 * @param seq the relay's delivery number, or -1 when absent
 * @param eventSeq the listener's event counter, or -1 when absent
 * @param idempotencyKey the event's key, or {@code null}
 */
record RelayEnvelope(String type, long seq, long eventSeq, String idempotencyKey) {

    private static final JsonFactory JSON = new JsonFactory();
    private static final RelayEnvelope UNREADABLE = new RelayEnvelope("", -1, -1, null);

    /**
     * @param text one frame
     * @return its envelope; a frame that is not a JSON object reads as one with no fields (the protocol client
     *     reports it)
     */
    static RelayEnvelope peek(String text) {
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return UNREADABLE;
            }
            String type = "";
            long seq = -1;
            long eventSeq = -1;
            String key = null;
            for (String name = parser.nextName(); name != null; name = parser.nextName()) {
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "type" -> type = value == JsonToken.VALUE_STRING ? parser.getString() : type;
                    case "seq" -> seq = value == JsonToken.VALUE_NUMBER_INT ? parser.getLongValue() : seq;
                    case "event_seq" -> eventSeq = value == JsonToken.VALUE_NUMBER_INT ? parser.getLongValue()
                            : eventSeq;
                    case "idempotency_key" -> key = value == JsonToken.VALUE_STRING ? parser.getString() : key;
                    default -> parser.skipChildren();
                }
            }
            return new RelayEnvelope(type, seq, eventSeq, key);
        } catch (JacksonException e) {
            return UNREADABLE;
        }
    }
}

package ai.letta.code.testkit.fakecloud;

import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The fake cloud's JSON: one mapper, the control plane's error body, lenient frame parsing. */
final class CloudWire {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private CloudWire() {
    }

    /** {@code {"errorCode": code, "message": message}} (cloud-relay.md §11). */
    static ObjectNode error(String errorCode, String message) {
        return JSON.createObjectNode().put("errorCode", errorCode).put("message", message);
    }

    /** A frame as a JSON object; empty for anything else (such frames are relayed verbatim). */
    static Optional<ObjectNode> object(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }
}

package ai.letta.code.transport.cloud.http;

import ai.letta.code.api.exception.MalformedFrameException;
import ai.letta.code.spi.Redaction;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapper of the client: request bodies out, callers' wire records in. Unknown fields are ignored and
 * a missing primitive reads as its zero, because the Letta API adds fields freely and omits empty ones.
 */
final class JsonCodec {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .build();

    private JsonCodec() {
    }

    static byte[] write(Object body) {
        return MAPPER.writeValueAsBytes(body);
    }

    /**
     * @param json the answer's body
     * @param type the wire type to read it as
     * @param what the request, for the message
     * @param <T> the wire type
     * @return the value
     * @throws MalformedFrameException if the body is not JSON of that shape
     */
    static <T> T read(byte[] json, Class<T> type, String what) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JacksonException e) {
            throw new MalformedFrameException("the Letta API answered " + what + " with JSON that is not a "
                    + type.getSimpleName() + ": " + Redaction.head(e.getOriginalMessage(), Redaction.MAX_MESSAGE), e);
        }
    }

    /**
     * @param json a body that may not be JSON at all
     * @return its tree, or {@code null} when it does not parse
     */
    static JsonNode tree(byte[] json) {
        if (json.length == 0) {
            return null;
        }
        try {
            return MAPPER.readTree(json);
        } catch (JacksonException e) {
            return null;
        }
    }
}

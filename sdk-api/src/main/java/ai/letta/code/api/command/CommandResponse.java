package ai.letta.code.api.command;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A message the peer sent in answer to a raw command, as plain Java values (maps, lists, strings, numbers,
 * booleans, nulls).
 *
 * @param type the message's type, e.g. {@code list_models_response}
 * @param body the whole message
 */
public record CommandResponse(String type, Map<String, Object> body) {
    /**
     * Copies the body.
     *
     * @param type the message's type, e.g. {@code list_models_response}
     * @param body the whole message
     */
    public CommandResponse {
        body = body == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(body));
    }

    /**
     * @param field a top-level field
     * @return its value, if present
     */
    public Optional<Object> get(String field) {
        return Optional.ofNullable(body.get(field));
    }

    /** @return the message's {@code request_id}, if it has one */
    public Optional<String> requestId() {
        return get("request_id").map(Object::toString);
    }
}

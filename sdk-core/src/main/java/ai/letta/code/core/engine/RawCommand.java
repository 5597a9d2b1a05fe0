package ai.letta.code.core.engine;

import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.internal.Checks;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Checks a raw protocol command from the user and gives it a {@code request_id} when it has none. */
final class RawCommand {
    private RawCommand() {}

    static Map<String, Object> withRequestId(Map<String, Object> command) {
        Checks.requireNonNull(command, "command");
        Object type = command.get("type");
        if (!(type instanceof String t) || t.isBlank()) {
            throw new ConfigurationException("a raw command needs a non-blank string 'type' field (got " + type + ")");
        }
        Map<String, Object> copy = new LinkedHashMap<>(command);
        copy.putIfAbsent("request_id", "sdk-" + UUID.randomUUID());
        return copy;
    }
}

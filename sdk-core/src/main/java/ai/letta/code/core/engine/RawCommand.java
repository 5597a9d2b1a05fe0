package ai.letta.code.core.engine;

import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.exception.UnsupportedFeatureException;
import ai.letta.code.spi.AcceptedCommands;
import ai.letta.code.internal.Checks;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Checks a raw protocol command from the user against what the peer understands and gives it a {@code request_id}
 * when it has none: the one place that does, so a transport's {@code sendRaw}/{@code request} get a string
 * {@code type} and a string {@code request_id} (a peer drops a frame whose type is not a string without a reply, and
 * a response is matched on the id as a string).
 */
final class RawCommand {
    private RawCommand() {}

    /**
     * @param command the user's command
     * @param accepted what the transport declares its peer understands, if it does
     * @return a copy with a {@code request_id}
     * @throws ConfigurationException if the command has no {@code type}, or a {@code request_id} that is no string
     * @throws UnsupportedFeatureException if the peer does not understand its {@code type}
     */
    static Map<String, Object> checked(Map<String, Object> command, Optional<AcceptedCommands> accepted) {
        Checks.requireNonNull(command, "command");
        Object type = command.get("type");
        if (!(type instanceof String t) || t.isBlank()) {
            throw new ConfigurationException("a raw command needs a non-blank string 'type' field (got " + type + ")");
        }
        Object requestId = command.get("request_id");
        if (requestId != null && !(requestId instanceof String)) {
            throw new ConfigurationException("a raw command's 'request_id' must be a string (got " + requestId + ")");
        }
        accepted.filter(a -> !a.accepts(t)).ifPresent(a -> {
            // Refused here: the peer would ignore it, and the caller would wait out its whole timeout.
            throw new UnsupportedFeatureException("sendCommand of type \"" + t + "\"", a.backend(), Set.of(),
                    "its peer understands the types " + String.join(", ", a.types())
                            + (a.note().isEmpty() ? "" : " (" + a.note() + ")"));
        });
        Map<String, Object> copy = new LinkedHashMap<>(command);
        copy.putIfAbsent("request_id", "sdk-" + UUID.randomUUID());
        return copy;
    }
}

package ai.letta.code.transport.remote.internal;

import ai.letta.code.api.command.CommandResponse;
import ai.letta.code.api.command.ResponseMatcher;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.internal.Checks;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Checks and shapes the raw commands of {@code sendCommand}, and the responses handed back. */
final class RawCommands {

    private RawCommands() {
    }

    /**
     * @param command a raw command
     * @return it, checked: the server silently drops a frame without a string {@code type}
     */
    static Map<String, Object> validated(Map<String, Object> command) {
        Checks.requireNonNull(command, "command");
        Object type = command.get("type");
        if (!(type instanceof String text) || text.isBlank()) {
            throw new ConfigurationException("command needs a string \"type\" field (got " + type + ")");
        }
        Object requestId = command.get("request_id");
        if (requestId != null && !(requestId instanceof String)) {
            throw new ConfigurationException("command \"request_id\" must be a string (got " + requestId + ")");
        }
        return command;
    }

    /**
     * @param command a checked command
     * @param generated an id to use when it has none
     * @return a copy that carries a {@code request_id}
     */
    static Map<String, Object> withRequestId(Map<String, Object> command, String generated) {
        Map<String, Object> copy = new LinkedHashMap<>(command);
        copy.putIfAbsent("request_id", generated);
        return copy;
    }

    /**
     * Sends a raw command and waits for the frame the user's matcher picks (the matcher runs off the event loop).
     *
     * @param connection the connection
     * @param key the session's runtime: the matcher sees its frames and frames of no session
     * @param command the raw command
     * @param matcher the user's matcher
     * @param timeout how long to wait
     * @return the answer
     */
    static CommandResponse request(ServerConnection connection, RuntimeKey key, Map<String, Object> command,
            ResponseMatcher matcher, Duration timeout) {
        Map<String, Object> raw = withRequestId(validated(command), connection.correlator().nextRequestId("raw"));
        String type = (String) raw.get("type");
        return response(Waits.await(connection.requestRaw(raw, key, matcher, timeout), timeout.plusSeconds(1),
                "`" + type + "`"), connection.codec());
    }

    static CommandResponse response(ServerFrame frame, FrameCodec codec) {
        return new CommandResponse(frame.type(), codec.toMap(frame.json()));
    }
}

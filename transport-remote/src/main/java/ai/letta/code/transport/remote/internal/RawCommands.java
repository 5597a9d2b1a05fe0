package ai.letta.code.transport.remote.internal;

import ai.letta.code.api.command.CommandResponse;
import ai.letta.code.api.exception.ConfigurationException;
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
        ConfigurationException.requireNonNull(command, "command");
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

    static CommandResponse response(ServerFrame frame, FrameCodec codec) {
        return new CommandResponse(frame.type(), codec.toMap(frame.json()));
    }
}

package ai.letta.code.testkit.fake;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Answers the raw commands a session sends with {@code sendCommand(command, matcher)}, like MockWebServer's
 * {@code Dispatcher}. Called on the fake's reader thread; keep it quick. An empty answer means the peer stays
 * silent (as the app server does for commands it does not know), so the caller times out.
 */
@FunctionalInterface
public interface RawCommandHandler {

    /**
     * @param command the command as sent, with its {@code request_id}
     * @return the peer's answer, or empty for none
     */
    Optional<Map<String, Object>> answer(Map<String, Object> command);

    /**
     * The default: answers every command of type {@code T} with {@code {type: "T_response", request_id, success:
     * true}}, as the app server answers its commands.
     *
     * @return the echoing handler
     */
    static RawCommandHandler echo() {
        return command -> {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("type", Objects.toString(command.get("type"), "unknown") + "_response");
            if (command.get("request_id") != null) {
                answer.put("request_id", command.get("request_id"));
            }
            answer.put("success", true);
            return Optional.of(answer);
        };
    }

    /** @return a handler that never answers */
    static RawCommandHandler silent() {
        return command -> Optional.empty();
    }
}

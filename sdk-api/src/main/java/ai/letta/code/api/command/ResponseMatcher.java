package ai.letta.code.api.command;

import ai.letta.code.internal.Checks;

/**
 * Picks the peer message that answers a raw command ({@code Session.sendCommand(command, matcher)}). Called for each
 * message of the session until one matches, possibly on a transport's I/O thread: it must be fast, must not block
 * and must not call back into the session.
 */
@FunctionalInterface
public interface ResponseMatcher {

    /**
     * @param requestId the {@code request_id} the command was sent with
     * @param candidate a message from the peer
     * @return whether it answers the command
     */
    boolean matches(String requestId, CommandResponse candidate);

    /**
     * @param type the response type, e.g. {@code get_reflection_settings_response}
     * @return a matcher for a message of that type carrying the command's {@code request_id} (or none)
     */
    static ResponseMatcher type(String type) {
        Checks.requireText(type, "ResponseMatcher.type");
        return (requestId, candidate) -> type.equals(candidate.type())
                && candidate.requestId().map(requestId::equals).orElse(true);
    }
}

package ai.letta.code.api.command;

import ai.letta.code.internal.Checks;

/**
 * Picks the peer message that answers a raw command ({@code Session.sendCommand(command, matcher)}). Called for each
 * message of the session until one matches, one message at a time and never on a transport's I/O thread: on the
 * thread that called {@code sendCommand} (local backend) or on an SDK thread that the matchers of one connection
 * share (remote and cloud backends). So it should be fast (a slow matcher delays the other commands' answers), and
 * it must not block or call back into the session.
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

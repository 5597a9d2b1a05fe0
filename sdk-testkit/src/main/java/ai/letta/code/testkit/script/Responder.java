package ai.letta.code.testkit.script;

/**
 * Decides the model's answer when no queued script is waiting: the fakes' dispatcher fallback, in the spirit of
 * MockWebServer's {@code Dispatcher}. Called on the fake's event loop, once per request that starts a turn or
 * continues one whose script has no steps left; the first step of the returned script answers that request, and
 * later steps answer the conversation's next requests.
 *
 * <p>A responder that throws makes the fake answer HTTP 500 with the exception message.
 */
@FunctionalInterface
public interface Responder {

    /**
     * The script to answer {@code request} with.
     *
     * @param request the turn request
     * @return the script
     */
    TurnScript respond(TurnRequest request);

    /**
     * The deterministic script of offline-peers.md §4.6, decided from the request alone: a tool result gets
     * {@code "tool said: <first line>"}; user text containing "tool" gets reasoning plus one call of the offered
     * shell tool running {@code touch approved.txt && echo deterministic-tool-ok} (a command that writes, so
     * {@code standard} mode asks {@code can_use_tool}); anything else gets reasoning "thinking about ping" and
     * the text "pong" in two chunks.
     *
     * @return the responder
     */
    static Responder deterministic() {
        return new DeterministicResponder(DeterministicResponder.DEFAULT_COMMAND);
    }

    /**
     * The deterministic responder with another shell command, e.g. a read-only one that is auto-allowed.
     *
     * @param shellCommand the command a request mentioning a tool runs
     * @return the responder
     */
    static Responder deterministic(String shellCommand) {
        return new DeterministicResponder(shellCommand);
    }
}

package ai.letta.code.api.exception;

/**
 * A call that the object's current state does not allow, the SDK's counterpart of {@link IllegalStateException}:
 * asking a stream for its result when nothing was sent, subscribing to an event publisher twice. The message says
 * what to call instead. (A closed session or client is a {@link SessionClosedException}; a bad argument a
 * {@link ConfigurationException}.)
 */
public class IllegalUseException extends LettaCodeException {
    private static final long serialVersionUID = 1L;

    /** @param message what was called out of turn and what to call instead */
    public IllegalUseException(String message) {
        super(message);
    }
}

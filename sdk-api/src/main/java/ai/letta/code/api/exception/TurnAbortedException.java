package ai.letta.code.api.exception;

/**
 * A blocking call waited for a turn that was aborted before it produced what the call needed.
 */
public class TurnAbortedException extends LettaCodeException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong and how to fix it */
    public TurnAbortedException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and how to fix it
     * @param cause the underlying failure
     */
    public TurnAbortedException(String message, Throwable cause) {
        super(message, cause);
    }
}

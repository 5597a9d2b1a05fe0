package ai.letta.code.api.exception;

/**
 * The peer refused the request because of its current state (HTTP 409), for example a conversation that is
 * busy with another run.
 */
public class ConflictException extends LettaCodeException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong and how to fix it */
    public ConflictException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and how to fix it
     * @param cause the underlying failure
     */
    public ConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}

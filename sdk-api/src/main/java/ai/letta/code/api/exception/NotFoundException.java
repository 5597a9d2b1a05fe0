package ai.letta.code.api.exception;

/**
 * The peer does not know the agent, conversation, block or other resource asked for (HTTP 404 or the
 * protocol's equivalent).
 */
public class NotFoundException extends LettaCodeException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong and how to fix it */
    public NotFoundException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and how to fix it
     * @param cause the underlying failure
     */
    public NotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}

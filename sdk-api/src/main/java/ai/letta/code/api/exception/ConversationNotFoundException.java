package ai.letta.code.api.exception;

/**
 * The conversation id is unknown to the backend, or belongs to another agent.
 */
public class ConversationNotFoundException extends NotFoundException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong and how to fix it */
    public ConversationNotFoundException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and how to fix it
     * @param cause the underlying failure
     */
    public ConversationNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}

package ai.letta.code.api.exception;

/**
 * The agent id is unknown to the backend.
 */
public class AgentNotFoundException extends NotFoundException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong and how to fix it */
    public AgentNotFoundException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and how to fix it
     * @param cause the underlying failure
     */
    public AgentNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}

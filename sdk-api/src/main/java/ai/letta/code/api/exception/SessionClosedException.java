package ai.letta.code.api.exception;

/**
 * The session (or client) is closed: by {@code close()}, or because its transport was lost. The message says
 * which, and how to continue (open a new session or {@code resumeSession(conversationId)}).
 */
public class SessionClosedException extends LettaCodeException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong and how to fix it */
    public SessionClosedException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and how to fix it
     * @param cause the underlying failure
     */
    public SessionClosedException(String message, Throwable cause) {
        super(message, cause);
    }
}

package ai.letta.code.api.exception;

/**
 * The conversation waits for a tool approval that must be answered (or denied) before a new message is
 * accepted. Resume the session with a {@code canUseTool} callback to answer it.
 */
public class PendingApprovalException extends ConflictException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong and how to fix it */
    public PendingApprovalException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and how to fix it
     * @param cause the underlying failure
     */
    public PendingApprovalException(String message, Throwable cause) {
        super(message, cause);
    }
}

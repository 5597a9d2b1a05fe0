package ai.letta.code.api.exception;

/**
 * The managed sandbox a cloud session ran in was reaped (its TTL passed without a refresh, or it was terminated).
 * The conversation itself is intact: open it again with {@code client.resumeSession(conversationId)}, which starts
 * a new sandbox. Raised by the next call on the session, before anything is sent.
 */
public class ManagedSandboxExpiredException extends SessionClosedException {
    private static final long serialVersionUID = 1L;

    /** The error code upstream SDKs use for this condition. */
    public static final String CODE = "managed_sandbox_expired";

    /** @param message which sandbox, and how to resume */
    public ManagedSandboxExpiredException(String message) {
        super(message);
    }

    /**
     * @param message which sandbox, and how to resume
     * @param cause the refresh that found it gone
     */
    public ManagedSandboxExpiredException(String message, Throwable cause) {
        super(message, cause);
    }
}

package ai.letta.code.api.exception;

/**
 * An established transport ended while the session was open: the CLI exited or was killed, the socket dropped.
 * The session is closed afterwards; continue with {@code resumeSession(conversationId)}.
 */
public class TransportLostException extends TransportException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what ended
     * @param exitCode the process exit code or websocket close code, or {@code null}
     * @param diagnosticTail the last lines of the peer's stderr, or {@code null}
     * @param cause the underlying failure, or {@code null}
     */
    public TransportLostException(String message, Integer exitCode, String diagnosticTail, Throwable cause) {
        super(message, exitCode, diagnosticTail, cause);
    }
}

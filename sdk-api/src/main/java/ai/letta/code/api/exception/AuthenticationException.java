package ai.letta.code.api.exception;

/**
 * The peer refused the credentials (HTTP 401/403, websocket upgrade refused). The message names the endpoint
 * and the setting that carries the credential, never the credential itself.
 */
public class AuthenticationException extends LettaCodeException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong and how to fix it */
    public AuthenticationException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and how to fix it
     * @param cause the underlying failure
     */
    public AuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }
}

package ai.letta.code.api.exception;

/**
 * The peer sent something the SDK cannot decode, or answered a request in a way the protocol does not allow.
 * The message quotes the offending fragment, truncated and with secrets redacted.
 */
public class ProtocolException extends LettaCodeException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong and how to fix it */
    public ProtocolException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and how to fix it
     * @param cause the underlying failure
     */
    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}

package ai.letta.code.api.exception;

/**
 * A line, frame or event could not be parsed as the protocol's JSON.
 */
public class MalformedFrameException extends ProtocolException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong and how to fix it */
    public MalformedFrameException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and how to fix it
     * @param cause the underlying failure
     */
    public MalformedFrameException(String message, Throwable cause) {
        super(message, cause);
    }
}

package ai.letta.code.api.exception;

/**
 * An operation did not complete within its configured timeout. The message names the operation and the
 * setting that controls the timeout.
 */
public class OperationTimeoutException extends LettaCodeException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong and how to fix it */
    public OperationTimeoutException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and how to fix it
     * @param cause the underlying failure
     */
    public OperationTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}

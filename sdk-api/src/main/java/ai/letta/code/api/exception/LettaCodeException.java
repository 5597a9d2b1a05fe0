package ai.letta.code.api.exception;

/**
 * The root of every exception this SDK throws. Unchecked: callers catch the precise subtype they can act on, or
 * this type to catch everything from the SDK.
 *
 * <p>Messages name the cause and the fix and never contain API keys, tokens or other secrets.
 */
public class LettaCodeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong and how to fix it */
    public LettaCodeException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and how to fix it
     * @param cause the underlying failure, kept for diagnostics
     */
    public LettaCodeException(String message, Throwable cause) {
        super(message, cause);
    }
}

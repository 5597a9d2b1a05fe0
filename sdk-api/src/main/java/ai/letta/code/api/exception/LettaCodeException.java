package ai.letta.code.api.exception;

/**
 * The root of every exception this SDK throws. Unchecked: callers catch the precise subtype they can act on, or
 * this type to catch everything from the SDK.
 *
 * <p>It is the whole story: the client, its sessions, streams and resource handles throw nothing else, whatever
 * the backend. Bad arguments are {@link ConfigurationException}s, calls the object's state does not allow
 * {@link IllegalUseException}s, an unexpected failure inside the SDK this type with the failure as its cause. Only
 * Java's own contracts are kept where they prescribe a type: {@code Iterator.next()} past the end throws
 * {@link java.util.NoSuchElementException}, and a publisher's {@code request(n <= 0)} signals an
 * {@link IllegalArgumentException}. A {@code CompletableFuture} the SDK returns fails with one of these, wrapped
 * as {@code CompletableFuture} wraps every failure.
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

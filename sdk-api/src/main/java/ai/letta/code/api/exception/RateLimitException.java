package ai.letta.code.api.exception;

import java.time.Duration;
import java.util.Optional;

/**
 * The Letta API rate-limited a request (HTTP 429): thrown by the cloud backend once its retries of an idempotent
 * call are spent (they honour {@code Retry-After}) or at once for a call that is never repeated, and by the local
 * backend's calls to the Letta API in API mode. {@link #retryAfter()} is what the last answer asked for; the SDK
 * does not wait on it after throwing. (Turns are not covered: a rate-limited model call inside a turn is retried
 * by the peer and shows as {@code Retry} events, then a failed {@code Result}.)
 */
public class RateLimitException extends LettaCodeException {
    private static final long serialVersionUID = 1L;
    private final transient Duration retryAfter;

    /**
     * @param message what was limited
     * @param retryAfter how long the peer asked the caller to wait, or {@code null} if it did not say
     */
    public RateLimitException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** @return the wait the peer asked for ({@code Retry-After}), if it gave one */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}

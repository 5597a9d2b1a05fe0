package ai.letta.code.api.exception;

import java.time.Duration;
import java.util.Optional;

/** The peer rate-limited the request (HTTP 429). The SDK never sleeps on {@link #retryAfter()} by itself. */
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

package ai.letta.code.transport.cloud.http;

import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.internal.Checks;
import java.time.Duration;

/**
 * When {@link LettaHttp} tries an idempotent request again. A retry follows a connection failure (nothing
 * answered), HTTP 408, 429 or 5xx (503 {@code cloud_api_shutting_down} during deploys included), or an answer
 * carrying {@code x-should-retry: true}; {@code x-should-retry: false} forbids it. The wait before retry
 * {@code n} (0-based) is {@code min(baseDelay·2^n, maxDelay)} less up to 25 % jitter, raised to what the server
 * asked for ({@code retry-after-ms}, else {@code Retry-After} in seconds or as an HTTP date). No retry starts
 * when its wait would end past {@code overallBound} from the first attempt, and no attempt runs past it either.
 * A timed-out attempt is not retried: {@code requestTimeout} is the caller's own limit on waiting.
 *
 * @param maxRetries the most retries after the first attempt (0 disables them)
 * @param baseDelay the first backoff step
 * @param maxDelay the cap of the exponential backoff (a server's {@code Retry-After} may exceed it)
 * @param overallBound the most time one call may take, attempts and waits together
 */
public record RetryPolicy(int maxRetries, Duration baseDelay, Duration maxDelay, Duration overallBound) {

    /**
     * Validates.
     *
     * @param maxRetries the most retries after the first attempt (0 disables them)
     * @param baseDelay the first backoff step
     * @param maxDelay the cap of the exponential backoff
     * @param overallBound the most time one call may take, attempts and waits together
     */
    public RetryPolicy {
        if (maxRetries < 0) {
            throw new ConfigurationException("RetryPolicy.maxRetries must not be negative (got " + maxRetries + ")");
        }
        Checks.requirePositive(baseDelay, "RetryPolicy.baseDelay");
        Checks.requirePositive(maxDelay, "RetryPolicy.maxDelay");
        Checks.requirePositive(overallBound, "RetryPolicy.overallBound");
    }

    /** @return 2 retries, 0.5 s doubling to at most 8 s, 2 minutes in all (the Letta clients' defaults) */
    public static RetryPolicy defaults() {
        return new RetryPolicy(2, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofMinutes(2));
    }

    /** @return no retries at all */
    public static RetryPolicy none() {
        return new RetryPolicy(0, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofMinutes(2));
    }

    /**
     * @param retry the retry about to happen, 0 for the first
     * @param jitter a number in [0, 1): how much of the 25 % jitter to take off
     * @return the backoff before it
     */
    Duration backoff(int retry, double jitter) {
        long base = baseDelay.toMillis();
        long step = retry >= 30 ? Long.MAX_VALUE : base << retry;
        long capped = step < 0 || step > maxDelay.toMillis() ? maxDelay.toMillis() : step;
        return Duration.ofMillis(Math.round(capped * (1 - 0.25 * jitter)));
    }
}

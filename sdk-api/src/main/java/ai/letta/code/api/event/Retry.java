package ai.letta.code.api.event;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The peer is retrying a failed model call.
 */
public final class Retry implements SessionEvent {
    private final String reason;
    private final int attempt;
    private final int maxAttempts;
    private final Duration delay;
    private final String runId;

    /**
     * Fills defaults.
     *
     * @param reason why
     * @param attempt this attempt's number (1-based)
     * @param maxAttempts how many attempts the peer will make
     * @param delay the wait before this attempt
     * @param runId the run, or {@code null}
     */
    public Retry(String reason, int attempt, int maxAttempts, Duration delay, String runId) {
        delay = delay == null ? Duration.ZERO : delay;
        this.reason = reason;
        this.attempt = attempt;
        this.maxAttempts = maxAttempts;
        this.delay = delay;
        this.runId = runId;
    }

    @Override
    public String type() {
        return "retry";
    }

    /** @return why */
    public String reason() {
        return reason;
    }

    /** @return this attempt's number (1-based) */
    public int attempt() {
        return attempt;
    }

    /** @return how many attempts the peer will make */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** @return the wait before this attempt */
    public Duration delay() {
        return delay;
    }

    /** @return the run, if any */
    public Optional<String> runId() {
        return Optional.ofNullable(runId);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Retry o && Objects.equals(reason, o.reason) && attempt == o.attempt
                && maxAttempts == o.maxAttempts && Objects.equals(delay, o.delay) && Objects.equals(runId, o.runId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(reason, attempt, maxAttempts, delay, runId);
    }

    @Override
    public String toString() {
        return "Retry[reason=" + reason + ", attempt=" + attempt + ", maxAttempts=" + maxAttempts + ", delay=" + delay
                + ", runId=" + runId + "]";
    }
}

package ai.letta.code.api.event;

import java.time.Duration;

/**
 * The peer is retrying a failed model call.
 *
 * @param reason why
 * @param attempt this attempt's number (1-based)
 * @param maxAttempts how many attempts the peer will make
 * @param delay the wait before this attempt
 * @param runId the run, or {@code null}
 */
public record Retry(String reason, int attempt, int maxAttempts, Duration delay, String runId) implements SessionEvent {
    /** Fills defaults. */
    public Retry {
        delay = delay == null ? Duration.ZERO : delay;
    }

    @Override
    public String type() {
        return "retry";
    }
}

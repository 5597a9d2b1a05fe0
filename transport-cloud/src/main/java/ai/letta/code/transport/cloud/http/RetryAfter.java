package ai.letta.code.transport.cloud.http;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads how long a server asked the client to wait: {@code retry-after-ms} (milliseconds, the Stainless clients'
 * header) first, else {@code Retry-After} as delta-seconds or as an HTTP date (RFC 9110 §10.2.3). Garbage and
 * negative values mean "not said".
 */
final class RetryAfter {

    private RetryAfter() {
    }

    /**
     * @param retryAfterMs the {@code retry-after-ms} header, or {@code null}
     * @param retryAfter the {@code Retry-After} header, or {@code null}
     * @param clock the clock an HTTP date is measured against
     * @return the wait, or {@code null} if the server did not say
     */
    static Duration parse(String retryAfterMs, String retryAfter, Clock clock) {
        Duration millis = number(retryAfterMs, 1);
        if (millis != null) {
            return millis;
        }
        if (retryAfter == null || retryAfter.isBlank()) {
            return null;
        }
        Duration seconds = number(retryAfter, 1000);
        if (seconds != null) {
            return seconds;
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(retryAfter.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration until = Duration.between(clock.instant(), at.toInstant());
            return until.isNegative() ? Duration.ZERO : until;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Duration number(String text, double millisPerUnit) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            double value = Double.parseDouble(text.strip());
            if (Double.isNaN(value) || value < 0 || value > 86_400_000d / millisPerUnit) {
                return null;
            }
            return Duration.ofMillis(Math.round(value * millisPerUnit));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

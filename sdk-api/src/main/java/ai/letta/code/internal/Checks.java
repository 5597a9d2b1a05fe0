package ai.letta.code.internal;

import ai.letta.code.api.exception.ConfigurationException;
import java.time.Duration;

/**
 * The argument checks of the SDK's builders and transports: the one place they validate input, so every
 * {@link ConfigurationException} message has the same shape. Internal to the SDK's modules, not API: it may change
 * in any release.
 */
public final class Checks {
    private Checks() {}

    /**
     * Checks that a required value is present.
     *
     * @param value the value
     * @param field the field name used in the message, e.g. {@code "SessionOptions.canUseTool"}
     * @param <T> the value type
     * @return the value
     * @throws ConfigurationException if {@code value} is null
     */
    public static <T> T requireNonNull(T value, String field) {
        if (value == null) {
            throw new ConfigurationException(field + " must not be null");
        }
        return value;
    }

    /**
     * Checks that a text value is present and not blank.
     *
     * @param value the value
     * @param field the field name used in the message
     * @return the value
     * @throws ConfigurationException if {@code value} is null or blank
     */
    public static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new ConfigurationException(field + " must not be blank (got " + quote(value) + ")");
        }
        return value;
    }

    /**
     * Checks that a duration is strictly positive.
     *
     * @param value the duration
     * @param field the field name used in the message
     * @return the duration
     * @throws ConfigurationException if {@code value} is null, zero or negative
     */
    public static Duration requirePositive(Duration value, String field) {
        requireNonNull(value, field);
        if (value.isZero() || value.isNegative()) {
            throw new ConfigurationException(field + " must be positive (got " + value + ")");
        }
        return value;
    }

    /**
     * Checks that a count is strictly positive.
     *
     * @param value the count
     * @param field the field name used in the message
     * @return the count
     * @throws ConfigurationException if {@code value} is zero or negative
     */
    public static int requirePositive(int value, String field) {
        if (value <= 0) {
            throw new ConfigurationException(field + " must be positive (got " + value + ")");
        }
        return value;
    }

    private static String quote(String value) {
        return value == null ? "null" : '"' + value + '"';
    }
}

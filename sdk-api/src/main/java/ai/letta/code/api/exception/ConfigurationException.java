package ai.letta.code.api.exception;

import java.time.Duration;

/**
 * Invalid options or an environment the SDK cannot work in: a blank id, a bad timeout, a missing Node or CLI, a
 * transport module missing from the classpath. Thrown before anything is sent to a peer; the message names the field
 * or setting, quotes the bad value (never a secret) and says how to fix it.
 *
 * <p>The static {@code require*} methods are the one place builders validate their input, so every message has the
 * same shape.
 */
public class ConfigurationException extends LettaCodeException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and how to fix it */
    public ConfigurationException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong and how to fix it
     * @param cause the underlying failure
     */
    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }

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

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

    /**
     * The id kinds of the Letta API, by the prefix its ids carry ({@code agent-…}, {@code conv-…}), with the name
     * an error message gives them.
     */
    private static final java.util.Map<String, String> ID_KINDS = java.util.Map.ofEntries(
            java.util.Map.entry("agent", "an agent"), java.util.Map.entry("conv", "a conversation"),
            java.util.Map.entry("block", "a block"), java.util.Map.entry("tool", "a tool"),
            java.util.Map.entry("archive", "an archive"), java.util.Map.entry("passage", "a passage"),
            java.util.Map.entry("message", "a message"), java.util.Map.entry("group", "a group"),
            java.util.Map.entry("run", "a run"), java.util.Map.entry("step", "a step"),
            java.util.Map.entry("source", "a source"), java.util.Map.entry("file", "a file"),
            java.util.Map.entry("identity", "an identity"));

    /**
     * Checks a resource id before it becomes a path segment: present, without whitespace, control characters,
     * {@code /}, {@code ?}, {@code #} or {@code %}, not starting with {@code -}, and not an id of another kind
     * (a {@code conv-…} id where an agent id belongs). Ids in other forms pass: servers and fakes differ.
     *
     * @param value the id
     * @param field the field name used in the message, e.g. {@code "agentId"}
     * @param kind the id's prefix, e.g. {@code "agent"}, {@code "conv"}, {@code "block"}
     * @return the id, stripped
     * @throws ConfigurationException if the id cannot be one of that kind
     */
    public static String requireId(String value, String field, String kind) {
        String id = requireText(value, field).strip();
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || c == '/' || c == '?' || c == '#'
                    || c == '%') {
                throw new ConfigurationException(field + " is not an id: it holds " + describe(c) + " (got "
                        + quote(id) + ")");
            }
        }
        if (id.startsWith("-")) {
            throw new ConfigurationException(field + " must not start with '-' (got " + quote(id) + ")");
        }
        int dash = id.indexOf('-');
        if (dash > 0) {
            String prefix = id.substring(0, dash);
            if (!prefix.equals(kind) && ID_KINDS.containsKey(prefix)) {
                throw new ConfigurationException(field + " must be " + ID_KINDS.getOrDefault(kind, "a " + kind)
                        + " id (" + kind + "-…), not " + ID_KINDS.get(prefix) + " id (got " + quote(id) + ")");
            }
        }
        return id;
    }

    /**
     * Checks a count that may be zero.
     *
     * @param value the count
     * @param field the field name used in the message
     * @return the count
     * @throws ConfigurationException if {@code value} is negative
     */
    public static int requireNonNegative(int value, String field) {
        if (value < 0) {
            throw new ConfigurationException(field + " must not be negative (got " + value + ")");
        }
        return value;
    }

    private static String describe(char c) {
        return Character.isISOControl(c) || Character.isWhitespace(c)
                ? String.format("the character U+%04X", (int) c) : "'" + c + "'";
    }

    private static String quote(String value) {
        return value == null ? "null" : '"' + value + '"';
    }
}

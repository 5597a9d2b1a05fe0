package ai.letta.code.internal;

import ai.letta.code.api.exception.ConfigurationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies of maps that must hold plain JSON values only (a {@code metadata} object): {@code null}, strings,
 * booleans, finite numbers, and lists and string-keyed maps of those. The copy is deep and unmodifiable, so a
 * caller's later change cannot reach a built value, and anything else is refused when set, naming where it sits,
 * rather than failing in a serializer at send time. Internal to the SDK's modules, not API.
 */
public final class JsonValues {
    private JsonValues() {}

    /**
     * @param map the map (not null)
     * @param field the field name used in messages, e.g. {@code "AgentOptions.metadata"}
     * @return a deep, unmodifiable copy in the same order
     * @throws ConfigurationException if the map is null or holds anything but plain JSON values
     */
    public static Map<String, Object> copyOf(Map<?, ?> map, String field) {
        Checks.requireNonNull(map, field);
        return object(map, field);
    }

    private static Map<String, Object> object(Map<?, ?> map, String where) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new ConfigurationException(where + " has a key that is not a string (got " + entry.getKey()
                        + "); JSON object keys are strings");
            }
            copy.put(key, value(entry.getValue(), where + "." + key));
        }
        return Collections.unmodifiableMap(copy);
    }

    private static Object value(Object value, String where) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger || value instanceof BigDecimal) {
            return value;
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new ConfigurationException(where + " is " + value + ", which JSON cannot hold");
            }
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            return object(map, where);
        }
        if (value instanceof Collection<?> items) {
            List<Object> copy = new ArrayList<>(items.size());
            int i = 0;
            for (Object item : items) {
                copy.add(value(item, where + "[" + i++ + "]"));
            }
            return Collections.unmodifiableList(copy);
        }
        throw new ConfigurationException(where + " is a " + value.getClass().getName() + ", not a plain JSON value "
                + "(use null, String, Boolean, a number, a List or a Map<String, ?> of those)");
    }
}

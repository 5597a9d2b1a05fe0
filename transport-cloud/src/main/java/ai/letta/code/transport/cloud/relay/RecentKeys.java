package ai.letta.code.transport.cloud.relay;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The idempotency keys of the last {@value #CAPACITY} events, so an event the relay delivers twice (on both sockets,
 * or again after a reconnect) reaches the session once. Event-loop confined.
 */
final class RecentKeys {

    static final int CAPACITY = 1000;

    private final Map<String, Boolean> keys = new LinkedHashMap<>(CAPACITY * 2, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > CAPACITY;
        }
    };

    /**
     * @param key an event's key
     * @return whether it is new (and now remembered)
     */
    boolean firstSight(String key) {
        return keys.putIfAbsent(key, Boolean.TRUE) == null;
    }
}

package ai.letta.code.transport.remote.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Demultiplexes the shared socket's frames to sessions by runtime ({@code agent_id} + {@code conversation_id},
 * spec §6.8). A runtime may have several sessions in one client (the same conversation opened twice); the server
 * runs one turn at a time per runtime and sends every frame once per connection, so frames that belong to a turn
 * ({@code stream_delta}s other than the {@code user_message} echo, {@code turn_finished}, {@code control_request})
 * go only to the session whose turn runs, or, when none claims it, to the oldest session, which treats it as a
 * single session would. Frames every session must see (responses, which each matches by its own request ids; the
 * {@code user_message} echo and {@code update_queue}, by which each claims its own dequeued messages; the state
 * snapshots) go to all. Thread-safe; {@link #route} runs on the event loop.
 */
final class RuntimeRouter {

    private final Map<RuntimeKey, List<RuntimeSubscriber>> subscribers = new ConcurrentHashMap<>();

    /**
     * @param key the runtime
     * @param subscriber a session on it
     */
    void register(RuntimeKey key, RuntimeSubscriber subscriber) {
        subscribers.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(subscriber);
    }

    /**
     * @param key the runtime
     * @param subscriber the session leaving (only it is removed)
     */
    void unregister(RuntimeKey key, RuntimeSubscriber subscriber) {
        subscribers.computeIfPresent(key, (k, group) -> {
            group.remove(subscriber);
            return group.isEmpty() ? null : group;
        });
    }

    /**
     * @param frame a frame with a runtime
     * @return whether a session took it
     */
    boolean route(ServerFrame frame) {
        List<RuntimeSubscriber> group = frame.runtime() == null ? null : subscribers.get(frame.runtime());
        if (group == null || group.isEmpty()) {
            return false;
        }
        if (group.size() == 1 || !turnScoped(frame)) {
            group.forEach(subscriber -> subscriber.onFrame(frame));
            return true;
        }
        RuntimeSubscriber owner = group.stream().filter(RuntimeSubscriber::ownsRunningTurn).findFirst()
                .orElse(group.get(0));
        owner.onFrame(frame);
        return true;
    }

    /**
     * Reports an undecodable frame to the sessions whose turn runs: it may have been theirs.
     *
     * @param message why it could not be decoded
     */
    void malformed(String message) {
        all().stream().filter(RuntimeSubscriber::ownsRunningTurn).forEach(s -> s.onMalformedFrame(message));
    }

    /**
     * @param key a runtime
     * @param asking a session on it
     * @return whether another session on that runtime owns the turn the server runs
     */
    boolean anotherOwnsTheTurn(RuntimeKey key, RuntimeSubscriber asking) {
        List<RuntimeSubscriber> group = subscribers.getOrDefault(key, List.of());
        return group.stream().anyMatch(s -> s != asking && s.ownsRunningTurn());
    }

    /** @return the current sessions */
    List<RuntimeSubscriber> all() {
        List<RuntimeSubscriber> all = new ArrayList<>();
        subscribers.values().forEach(all::addAll);
        return all;
    }

    private static boolean turnScoped(ServerFrame frame) {
        return switch (frame.type()) {
            case "turn_finished", "control_request" -> true;
            case "stream_delta" -> !"user_message".equals(frame.delta() != null ? frame.delta().messageType()
                    : frame.json().path("delta").path("message_type").asString(""));
            default -> false;
        };
    }
}

package ai.letta.code.transport.remote.internal;

import ai.letta.code.api.exception.ConflictException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Demultiplexes the shared socket's frames to sessions by runtime ({@code agent_id} + {@code conversation_id},
 * spec §6.8). A runtime has at most one session per client: two would both see every event of the one server-side
 * queue and could not tell whose turn is whose. Thread-safe.
 */
final class RuntimeRouter {

    private final Map<RuntimeKey, RuntimeSubscriber> subscribers = new ConcurrentHashMap<>();

    /**
     * @param key the runtime
     * @param subscriber its session
     * @throws ConflictException if this client already has a session on that runtime
     */
    void register(RuntimeKey key, RuntimeSubscriber subscriber) {
        if (subscribers.putIfAbsent(key, subscriber) != null) {
            throw new ConflictException("conversation " + key.conversationId() + " of agent " + key.agentId()
                    + " is already open in this client; close that session first (one session per conversation)");
        }
    }

    /**
     * @param key the runtime
     * @param subscriber the session leaving (only it is removed)
     */
    void unregister(RuntimeKey key, RuntimeSubscriber subscriber) {
        subscribers.remove(key, subscriber);
    }

    /**
     * @param frame a frame with a runtime
     * @return whether a session took it
     */
    boolean route(ServerFrame frame) {
        RuntimeSubscriber subscriber = frame.runtime() == null ? null : subscribers.get(frame.runtime());
        if (subscriber == null) {
            return false;
        }
        subscriber.onFrame(frame);
        return true;
    }

    /** @return the current sessions */
    List<RuntimeSubscriber> all() {
        return List.copyOf(subscribers.values());
    }

    /** @return how many sessions are registered */
    int size() {
        return subscribers.size();
    }
}

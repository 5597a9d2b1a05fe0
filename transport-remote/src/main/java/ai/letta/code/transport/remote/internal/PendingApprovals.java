package ai.letta.code.transport.remote.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The permission requests of one session handed to the engine and not answered yet, by {@code request_id}. The
 * server sends a pending {@code control_request} again to a connection that subscribes while it still holds it
 * (on connect and on {@code runtime_start}/{@code sync} with {@code recover_approvals}, verified on CLI 0.32.18), so
 * after a reconnect the same request can arrive twice or three times: the engine must be asked once. Thread-safe:
 * requests arrive on the event loop, answers on caller threads.
 */
final class PendingApprovals {

    private final Set<String> offered = ConcurrentHashMap.newKeySet();

    /**
     * @param requestId a {@code control_request}'s id
     * @return whether it is new (hand it to the engine); {@code false} for a replay of one still being decided
     */
    boolean offer(String requestId) {
        return offered.add(requestId);
    }

    /** @param requestId a request the engine answered (and the server acknowledged, or lost for good) */
    void answered(String requestId) {
        offered.remove(requestId);
    }

    /** Forgets everything: the turn that asked has ended, so no request of it can be pending any more. */
    void clear() {
        offered.clear();
    }
}

package ai.letta.code.transport.remote.internal;

import ai.letta.code.api.permission.PermissionDecision;
import ai.letta.code.api.permission.ToolPermissionRequest;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The permission requests of one session handed to the engine and not settled yet, by {@code request_id}. The
 * server sends a pending {@code control_request} again to a connection that subscribes while it still holds it
 * (on connect and on {@code runtime_start}/{@code sync} with {@code recover_approvals}, verified on CLI 0.32.18), so
 * after a reconnect the same request can arrive twice or three times: the engine must be asked once.
 *
 * <p>A decision the server refused is kept: a restarted server refuses an answer for an approval it has not
 * recovered yet, then replays the approval (verified in API mode, where the approval is recovered from the Letta
 * server's history once the session subscribes again). The replay then gets the kept decision again, and the user is
 * not asked twice. Thread-safe: requests arrive on the event loop, answers on caller threads.
 */
final class PendingApprovals {

    /** A decision to send again: the server replayed a request whose answer it had refused. */
    record Resend(ToolPermissionRequest request, PermissionDecision decision) {
    }

    private final Set<String> offered = ConcurrentHashMap.newKeySet();
    private final Map<String, Resend> refused = new ConcurrentHashMap<>();

    /**
     * @param requestId a {@code control_request}'s id
     * @return whether it is new (hand it to the engine); {@code false} for a replay of one still being decided, or
     *     of one whose refused decision is to be sent again ({@link #takeRefused})
     */
    boolean offer(String requestId) {
        return !refused.containsKey(requestId) && offered.add(requestId);
    }

    /**
     * @param requestId a replayed request's id
     * @return the decision the server refused for it, to be sent again, or {@code null}; taken once
     */
    Resend takeRefused(String requestId) {
        Resend resend = refused.remove(requestId);
        if (resend != null) {
            offered.add(requestId);
        }
        return resend;
    }

    /** @param requestId a request the engine answered (and the server acknowledged, or lost for good) */
    void answered(String requestId) {
        offered.remove(requestId);
    }

    /**
     * @param request a request whose answer the server refused (it did not hold the approval, or not yet)
     * @param decision the decision, kept for a replay of the request
     */
    void refused(ToolPermissionRequest request, PermissionDecision decision) {
        offered.remove(request.requestId());
        refused.put(request.requestId(), new Resend(request, decision));
    }

    /** Forgets everything: the turn that asked has ended, so no request of it can be pending any more. */
    void clear() {
        offered.clear();
        refused.clear();
    }
}

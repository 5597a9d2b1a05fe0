package ai.letta.code.testkit.fault;

import ai.letta.code.api.Session;
import java.util.Optional;

/**
 * What a contract peer can be made to do wrong beyond dying ({@code ContractPeer.killPeer}). A peer implements
 * this where its real program allows it; each method says whether it did, so the matrix records "not applicable"
 * rather than pretending.
 */
public interface FaultInjection {

    /**
     * Freezes the program serving the session ({@code SIGSTOP}): it neither reads nor writes, its pipes and sockets
     * stay open. Seen from the SDK this is a stalled stream, an unread stdin and a silent socket at once. The peer
     * thaws or ends it when it closes.
     *
     * @param session an open session of the peer's client
     * @return the process frozen, or empty if this peer has none it can freeze
     */
    default Optional<ProcessHandle> freezePeer(Session session) {
        return Optional.empty();
    }

    /**
     * Delivers {@code raw} to the SDK now, on the session's path, as if its peer had sent it (a websocket text
     * frame, a stdout line): garbage, a frame with wrongly typed fields, a huge one.
     *
     * @param session an open session of the peer's client
     * @param raw the frame
     * @return whether it was delivered (false if this peer has no path it can write into)
     */
    default boolean injectFrame(Session session, String raw) {
        return false;
    }

    /**
     * Until {@link #clearApiFailures()}, the peer's HTTP API answers the request {@code createAgent} makes with
     * {@code status} and the Letta API's error body.
     *
     * @param status a 4xx or 5xx status
     * @return whether this peer has such an API it can make fail
     */
    default boolean failAgentCreation(int status) {
        return false;
    }

    /**
     * Cuts the session's connection to its peer at both ends without a close frame (the SDK sees 1006, the peer
     * sees its client gone) and leaves the peer running, so the SDK can connect again at once.
     *
     * @param session an open session of the peer's client
     * @return whether it was cut (false if this peer has no connection it can cut)
     */
    default boolean dropConnection(Session session) {
        return false;
    }

    /**
     * Restarts the server the session's connection ends at (the app server process; the cloud relay's side of the
     * listener, which reconnects), and returns once it serves again.
     *
     * @param session an open session of the peer's client
     * @return whether it restarted (false if this peer has no server it can restart)
     */
    default boolean restartPeer(Session session) {
        return false;
    }

    /** Disarms {@link #failAgentCreation}. */
    default void clearApiFailures() {
    }
}

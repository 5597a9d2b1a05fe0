package ai.letta.code.testkit.script;

/**
 * Takes websocket upgrades on a {@link LoopbackHttpServer}'s port, next to its plain HTTP routes. Both methods run
 * on the server's event-loop thread and must not block.
 */
public interface WebSocketEndpoint {

    /**
     * Whether this endpoint answers an upgrade to {@code path}; other upgrades go to the HTTP handler.
     *
     * @param path the upgrade request path
     * @return whether it does
     */
    boolean handles(String path);

    /**
     * Answers one upgrade, before returning, with {@link WebSocketUpgrade#accept} or {@link WebSocketUpgrade#refuse}
     * (an upgrade left unanswered is refused with 500).
     *
     * @param upgrade the upgrade request
     */
    void upgrade(WebSocketUpgrade upgrade);
}

package ai.letta.code.transport.cloud.session;

/**
 * Finds the connection of the listener a session runs on, at open and again after every lost relay socket: a
 * listener that re-registers (close 1008) comes back under a new connection id. Blocking; never called on an event
 * loop.
 */
interface ListenerLocator extends AutoCloseable {

    /**
     * @return the listener's current connection id
     * @throws ai.letta.code.api.exception.TransportException while it is offline (a reconnect tries again)
     * @throws ai.letta.code.api.exception.SessionClosedException when it is gone for good (e.g. an expired sandbox)
     */
    String connectionId();

    /** @return the listener as messages name it */
    String describe();

    /** Releases what the locator holds (a sandbox's refresh timer; the sandbox, if asked). Idempotent. */
    @Override
    void close();
}

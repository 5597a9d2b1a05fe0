package ai.letta.code.transport.remote.internal;

import ai.letta.code.api.exception.TransportLostException;

/** A session's side of the shared connection. Every method is called on the connection's event loop. */
interface RuntimeSubscriber {

    /** @param frame a frame naming this subscriber's runtime (events, and responses that echo it) */
    void onFrame(ServerFrame frame);

    /**
     * @param message why a frame on the connection could not be decoded (it names no runtime, so every session with
     *     a running turn hears of it; redacted)
     */
    void onMalformedFrame(String message);

    /** @return whether the turn the server runs on this runtime is this subscriber's (also one it recovered) */
    boolean ownsRunningTurn();

    /** @param cause the socket dropped; a reconnect is being tried */
    void onConnectionLost(TransportLostException cause);

    /** A new socket is up: subscribe again. */
    void onReconnected();

    /** @param cause reconnecting failed for good; the subscriber is closed */
    void onGone(TransportLostException cause);
}

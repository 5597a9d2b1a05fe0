package ai.letta.code.api;

/**
 * Where a session is in its life.
 *
 * <pre>
 * OPENING -&gt; IDLE &lt;-&gt; STREAMING -&gt; CLOSING -&gt; CLOSED
 *                                  (transport lost: any state -&gt; CLOSED)
 * </pre>
 */
public enum SessionState {
    /** The transport is starting (process spawn, socket connect, handshake). */
    OPENING,
    /** Ready; no turn running. */
    IDLE,
    /** A turn is running (sent but its {@code Result} has not arrived). */
    STREAMING,
    /** {@code close()} is in progress. */
    CLOSING,
    /**
     * Closed by {@code close()} or because the transport was lost. {@code close()} and {@code stream()} still work
     * (a lost transport's failed result can be read); every other call throws {@code SessionClosedException}.
     */
    CLOSED
}

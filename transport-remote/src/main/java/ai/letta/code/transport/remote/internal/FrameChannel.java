package ai.letta.code.transport.remote.internal;

import io.netty.channel.EventLoopGroup;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The seam under the protocol-v2 client: a duplex channel of whole text frames. The app server's websocket is one
 * ({@link WebSocketConnection}); Letta Cloud's relay, which carries the same protocol to a listener, is another.
 * Everything above it (requests, runtimes, turns, approvals, reconnects) is written once, in this package.
 *
 * <p>A channel's callbacks run on the event loop of the group it was opened on and must not block. A channel is
 * not reused: a reconnect opens a new one.
 */
public interface FrameChannel {

    /** The code of a channel that ended without a close frame (RFC 6455 §7.1.5). */
    int ABNORMAL_CLOSURE = 1006;

    /** What a channel reports; called on its event loop. */
    interface Listener {
        /** @param text one whole text frame */
        void onText(String text);

        /**
         * Called once, when the channel is gone.
         *
         * @param closeCode the websocket close code ({@link #ABNORMAL_CLOSURE} when it dropped without one)
         * @param cause why, when the channel failed rather than closed, else {@code null}
         */
        void onClosed(int closeCode, Throwable cause);
    }

    /** Opens channels for a connection; called once per connect and per reconnect attempt. */
    @FunctionalInterface
    interface Opener {
        /**
         * @param group the event loop the channel must run on
         * @param listener where its frames and its end go
         * @return completes, on the event loop, once the channel is open; fails with a typed SDK exception
         *     (authentication, timeout, transport) whose message never holds a secret
         */
        CompletableFuture<FrameChannel> open(EventLoopGroup group, Listener listener);
    }

    /** @param text one frame; may be called from any thread */
    void send(String text);

    /** Closes normally (a close frame where the wire has one); the listener is told once the channel is gone. */
    void close();

    /** Drops the channel at once, without a close frame. */
    void abort();

    /**
     * @param bound the longest to wait
     * @return whether the channel is gone
     */
    boolean awaitClosed(Duration bound);
}

package ai.letta.code.testkit.script;

import java.util.concurrent.atomic.AtomicBoolean;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One accepted server-side websocket. Thread-safe: sends may come from any thread and run on the connection's
 * event loop. Websocket-level pings are answered here; JSON-level {@code {"type":"ping"}} is the endpoint's business.
 */
public final class WebSocketConnection {

    /** The code reported when the socket ended without a close frame (RFC 6455 §7.1.5). */
    public static final int ABNORMAL_CLOSURE = 1006;

    /** What an endpoint hears from one socket; called on the event loop, must not block. */
    public interface Listener {
        /**
         * One complete text frame.
         *
         * @param connection the socket
         * @param text the frame
         */
        void text(WebSocketConnection connection, String text);

        /**
         * The socket ended, once: the peer's close code and reason, or {@value #ABNORMAL_CLOSURE} and "".
         *
         * @param connection the socket
         * @param code the close code
         * @param reason the close reason
         */
        void closed(WebSocketConnection connection, int code, String reason);
    }

    private final Channel channel;
    private final RecordedRequest upgrade;
    private final Listener listener;
    private final AtomicBoolean ended = new AtomicBoolean();

    WebSocketConnection(Channel channel, RecordedRequest upgrade, Listener listener) {
        this.channel = channel;
        this.upgrade = upgrade;
        this.listener = listener;
    }

    /** @return the upgrade request this socket came from */
    public RecordedRequest upgrade() {
        return upgrade;
    }

    /** @return whether the socket is still open */
    public boolean isOpen() {
        return channel.isActive() && !ended.get();
    }

    /**
     * Sends one text frame; ignored once the socket is closed.
     *
     * @param text the frame
     */
    public void send(String text) {
        if (isOpen()) {
            channel.writeAndFlush(new TextWebSocketFrame(text));
        }
    }

    /**
     * Sends a close frame with {@code code} and {@code reason}, then closes the TCP connection.
     *
     * @param code the close code
     * @param reason the close reason
     */
    public void close(int code, String reason) {
        if (channel.isActive()) {
            channel.writeAndFlush(new CloseWebSocketFrame(code, reason)).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** Closes the TCP connection without a close frame; the peer sees 1006. */
    public void abort() {
        channel.close();
    }

    /**
     * Runs {@code task} on this connection's event loop after {@code delay}, whether or not it is still open.
     *
     * @param delay how long to wait
     * @param task what to run
     */
    public void schedule(Duration delay, Runnable task) {
        channel.eventLoop().schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    void install(WebSocketServerHandshaker handshaker, FullHttpRequest request, int maxMessageBytes) {
        handshaker.handshake(channel, request);
        // The handshaker swapped the HTTP codec for websocket ones; frames now reach Frames instead of Dispatch.
        channel.pipeline().addLast(new WebSocketFrameAggregator(maxMessageBytes), new Frames());
    }

    private void end(int code, String reason) {
        if (ended.compareAndSet(false, true)) {
            listener.closed(this, code, reason);
        }
    }

    private final class Frames extends SimpleChannelInboundHandler<WebSocketFrame> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            if (frame instanceof TextWebSocketFrame text) {
                listener.text(WebSocketConnection.this, text.text());
            } else if (frame instanceof PingWebSocketFrame) {
                ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
            } else if (frame instanceof CloseWebSocketFrame close) {
                int code = close.statusCode() < 0 ? 1005 : close.statusCode();
                String reason = close.reasonText();
                ctx.writeAndFlush(new CloseWebSocketFrame(code == 1005 ? 1000 : code, ""))
                        .addListener(ChannelFutureListener.CLOSE);
                end(code, reason == null ? "" : reason);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            end(ABNORMAL_CLOSURE, "");
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}

package ai.letta.code.transport.remote.internal;

import ai.letta.code.api.backend.Secret;
import ai.letta.code.api.exception.AuthenticationException;
import ai.letta.code.api.exception.FrameTooLongException;
import ai.letta.code.api.exception.OperationTimeoutException;
import ai.letta.code.api.exception.TransportException;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLException;

/**
 * One websocket to an app server: upgrade (bearer token only in the upgrade header, no {@code Origin}, which a
 * no-auth server answers with 403, spec §1.1), then text frames in and out. Pings are answered by Netty's protocol
 * handler. All callbacks run on the channel's event loop and must not block. Not reused: a reconnect opens a new
 * instance.
 */
final class WebSocketConnection {

    /** What the connection reports; called on the event loop. */
    interface Listener {
        /** @param text one whole text frame */
        void onText(String text);

        /**
         * @param closeCode the websocket close code (1006 when the socket dropped without a close frame)
         * @param cause why, when the connection failed rather than closed, else {@code null}
         */
        void onClosed(int closeCode, Throwable cause);
    }

    /** The code of a connection that ended without a close frame (RFC 6455 §7.1.5). */
    static final int ABNORMAL_CLOSURE = 1006;

    private final Channel channel;

    private WebSocketConnection(Channel channel) {
        this.channel = channel;
    }

    /**
     * Connects and upgrades. The returned stage completes on the event loop once the handshake is done, or fails
     * with an {@link AuthenticationException} (401/403), an {@link OperationTimeoutException} or a
     * {@link TransportException}; every message names the URL and never the token.
     */
    static CompletableFuture<WebSocketConnection> open(EventLoopGroup group, AppServerUrl url, Secret token,
            Duration connectTimeout, int maxFrameBytes, Listener listener) {
        CompletableFuture<WebSocketConnection> opened = new CompletableFuture<>();
        HttpHeaders headers = new DefaultHttpHeaders();
        if (token != null) {
            headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token.reveal());
        }
        WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(url.uri())
                .customHeaders(headers)
                .generateOriginHeader(false)
                .maxFramePayloadLength(maxFrameBytes)
                .handleCloseFrames(false)
                .dropPongFrames(true)
                .handshakeTimeoutMillis(connectTimeout.toMillis())
                .build();
        SslContext ssl = url.secure() ? clientSsl() : null;
        FrameHandler handler = new FrameHandler(url, maxFrameBytes, listener, opened);
        Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE,
                        connectTimeout.toMillis()))
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (ssl != null) {
                            ch.pipeline().addLast(ssl.newHandler(ch.alloc(), url.host(), url.port()));
                        }
                        ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(64 * 1024),
                                new WebSocketClientProtocolHandler(config),
                                new WebSocketFrameAggregator(maxFrameBytes), handler);
                    }
                });
        ChannelFuture connect = bootstrap.connect(url.host(), url.port());
        connect.addListener(f -> {
            if (!f.isSuccess()) {
                opened.completeExceptionally(new TransportException("could not connect to the app server at " + url
                        + ": " + f.cause().getMessage() + " (is `letta server --listen` running there?)",
                        null, null, f.cause()));
            }
        });
        return opened;
    }

    private static SslContext clientSsl() {
        try {
            return SslContextBuilder.forClient().build();
        } catch (SSLException e) {
            throw new TransportException("could not set up TLS for wss://: " + e.getMessage(), null, null, e);
        }
    }

    /** @param text one frame; written from any thread */
    void send(String text) {
        channel.writeAndFlush(new TextWebSocketFrame(text));
    }

    /** @return the channel, for its event loop and close future */
    Channel channel() {
        return channel;
    }

    /** Sends a normal close frame and closes the socket; the listener is told once the channel is gone. */
    void close() {
        if (channel.isActive()) {
            channel.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE))
                    .addListener(f -> channel.close());
        } else {
            channel.close();
        }
    }

    /** Closes the socket at once, without a close frame (tests simulate a dropped socket with it). */
    void abort() {
        channel.close();
    }

    /** Per-connection state: the handshake outcome, the close code, the first failure. */
    private static final class FrameHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
        private final AppServerUrl url;
        private final int maxFrameBytes;
        private final Listener listener;
        private final CompletableFuture<WebSocketConnection> opened;
        private int closeCode = ABNORMAL_CLOSURE;
        private Throwable failure;

        FrameHandler(AppServerUrl url, int maxFrameBytes, Listener listener,
                CompletableFuture<WebSocketConnection> opened) {
            this.url = url;
            this.maxFrameBytes = maxFrameBytes;
            this.listener = listener;
            this.opened = opened;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                opened.complete(new WebSocketConnection(ctx.channel()));
            } else if (event == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
                fail(ctx, new OperationTimeoutException("the websocket handshake with " + url
                        + " did not complete in time (RemoteOptions.connectTimeout)"));
            }
            super.userEventTriggered(ctx, event);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            if (frame instanceof TextWebSocketFrame text) {
                listener.onText(text.text());
            } else if (frame instanceof CloseWebSocketFrame close) {
                closeCode = close.statusCode();
                ctx.close();
            }
            // Binary frames are not part of the protocol; pings are answered before they reach this handler.
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            fail(ctx, translate(cause));
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            if (!opened.isDone()) {
                opened.completeExceptionally(failure != null ? failure : new TransportException(
                        "the app server at " + url + " closed the connection during the websocket handshake"));
            } else {
                listener.onClosed(closeCode, failure);
            }
            super.channelInactive(ctx);
        }

        private void fail(ChannelHandlerContext ctx, Throwable cause) {
            if (failure == null) {
                failure = cause;
            }
            if (!opened.isDone()) {
                opened.completeExceptionally(cause);
            }
            ctx.close();
        }

        private Throwable translate(Throwable cause) {
            if (cause instanceof WebSocketClientHandshakeException handshake && handshake.response() != null) {
                int status = handshake.response().status().code();
                String reason = handshake.response().status().reasonPhrase();
                if (status == 401 || status == 403) {
                    return new AuthenticationException("the app server at " + url + " refused the websocket upgrade"
                            + " (HTTP " + status + " " + reason + "); check RemoteOptions.authToken "
                            + "(LETTA_APP_SERVER_TOKEN) against the server's --ws-auth setting", cause);
                }
                return new TransportException("the app server at " + url + " refused the websocket upgrade (HTTP "
                        + status + " " + reason + ")", status, null, cause);
            }
            if (cause instanceof CorruptedWebSocketFrameException corrupted
                    && corrupted.closeStatus() != null
                    && corrupted.closeStatus().code() == WebSocketCloseStatus.MESSAGE_TOO_BIG.code()
                    || cause instanceof TooLongFrameException) {
                return new FrameTooLongException("the app server at " + url + " sent a frame larger than "
                        + maxFrameBytes + " bytes (RemoteOptions.maxFrameBytes)", maxFrameBytes);
            }
            return cause;
        }
    }
}

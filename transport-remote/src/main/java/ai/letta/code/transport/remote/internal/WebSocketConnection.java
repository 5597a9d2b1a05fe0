package ai.letta.code.transport.remote.internal;

import ai.letta.code.api.exception.AuthenticationException;
import ai.letta.code.api.exception.FrameTooLongException;
import ai.letta.code.api.exception.NotFoundException;
import ai.letta.code.api.exception.OperationTimeoutException;
import ai.letta.code.api.exception.RateLimitException;
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
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * One websocket: upgrade (credentials only in the headers or URL the {@link WebSocketTarget} holds, no
 * {@code Origin}, which a no-auth app server answers with 403, spec §1.1), then text frames in and out. Pings are
 * answered by Netty's protocol handler. All callbacks run on the channel's event loop and must not block. Not
 * reused: a reconnect opens a new instance.
 */
public final class WebSocketConnection implements FrameChannel {

    private final Channel channel;

    private WebSocketConnection(Channel channel) {
        this.channel = channel;
    }

    /**
     * Connects and upgrades. The returned stage completes on the event loop once the handshake is done, or fails
     * with an {@link AuthenticationException} (401/403), an {@link OperationTimeoutException} or a
     * {@link TransportException}; every message names the target's description, never a credential.
     *
     * @param group the event loop to run on
     * @param target where to connect
     * @param listener where frames and the end go
     * @return the open connection, once upgraded
     */
    public static CompletableFuture<FrameChannel> open(EventLoopGroup group, WebSocketTarget target,
            FrameChannel.Listener listener) {
        CompletableFuture<FrameChannel> opened = new CompletableFuture<>();
        HttpHeaders headers = new DefaultHttpHeaders();
        target.headers().forEach(headers::set);
        URI uri = target.uri();
        boolean secure = uri.getScheme().equalsIgnoreCase("wss");
        int port = uri.getPort() > 0 ? uri.getPort() : secure ? 443 : 80;
        WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(uri)
                .customHeaders(headers)
                .generateOriginHeader(false)
                .maxFramePayloadLength(target.maxFrameBytes())
                .handleCloseFrames(false)
                .dropPongFrames(true)
                .handshakeTimeoutMillis(target.connectTimeout().toMillis())
                .build();
        SslContext ssl = secure ? clientSsl() : null;
        FrameHandler handler = new FrameHandler(target, listener, opened);
        Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE,
                        target.connectTimeout().toMillis()))
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (ssl != null) {
                            // The host and port give SNI and the name the certificate is verified against.
                            ch.pipeline().addLast(ssl.newHandler(ch.alloc(), uri.getHost(), port));
                        }
                        if (target.pingInterval() != null) {
                            long ping = target.pingInterval().toMillis();
                            ch.pipeline().addLast(new IdleStateHandler(ping, 0, 0, TimeUnit.MILLISECONDS));
                        }
                        ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(64 * 1024),
                                new WebSocketClientProtocolHandler(config),
                                new WebSocketFrameAggregator(target.maxFrameBytes()), handler);
                    }
                });
        ChannelFuture connect = bootstrap.connect(uri.getHost(), port);
        connect.addListener(f -> {
            if (!f.isSuccess()) {
                opened.completeExceptionally(new TransportException("could not connect to " + target.description()
                        + ": " + f.cause().getMessage() + target.unreachableHint(), null, null, f.cause()));
            }
        });
        return opened;
    }

    /** @return a TLS client context that verifies the server's certificate and host name */
    static SslContext clientSsl() {
        try {
            return SslContextBuilder.forClient().endpointIdentificationAlgorithm("HTTPS").build();
        } catch (SSLException e) {
            throw new TransportException("could not set up TLS for wss://: " + e.getMessage(), null, null, e);
        }
    }

    @Override
    public void send(String text) {
        channel.writeAndFlush(new TextWebSocketFrame(text));
    }

    @Override
    public boolean awaitClosed(Duration bound) {
        return channel.closeFuture().awaitUninterruptibly(bound.toMillis());
    }

    /** Sends a normal close frame and closes the socket; the listener is told once the channel is gone. */
    @Override
    public void close() {
        if (channel.isActive()) {
            channel.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE))
                    .addListener(f -> channel.close());
        } else {
            channel.close();
        }
    }

    /** Closes the socket at once, without a close frame. */
    @Override
    public void abort() {
        channel.close();
    }

    /** Per-connection state: the handshake outcome, the close code, the first failure. */
    private static final class FrameHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
        private final WebSocketTarget target;
        private final FrameChannel.Listener listener;
        private final CompletableFuture<FrameChannel> opened;
        private int closeCode = ABNORMAL_CLOSURE;
        private Throwable failure;
        private int silentIntervals;

        FrameHandler(WebSocketTarget target, FrameChannel.Listener listener, CompletableFuture<FrameChannel> opened) {
            this.target = target;
            this.listener = listener;
            this.opened = opened;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event instanceof IdleStateEvent idle && idle.state() == IdleState.READER_IDLE && opened.isDone()) {
                // Any byte read (a pong included) restarts the count: two pings unanswered, then the third
                // silent interval ends the connection.
                silentIntervals = idle.isFirst() ? 1 : silentIntervals + 1;
                if (silentIntervals >= 3) {
                    fail(ctx, new OperationTimeoutException(target.description() + " sent nothing, not even a pong, "
                            + "for " + 3 * target.pingInterval().toMillis() + " ms: the connection is dead"));
                } else {
                    ctx.writeAndFlush(new PingWebSocketFrame());
                }
                return;
            }
            if (event == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                opened.complete(new WebSocketConnection(ctx.channel()));
            } else if (event == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
                fail(ctx, new OperationTimeoutException("the websocket handshake with " + target.description()
                        + " did not complete in time (" + target.timeoutOption() + ")"));
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
                        target.description() + " closed the connection during the websocket handshake"));
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

        /** @return a {@code Retry-After} in seconds, or null (an HTTP date or garbage is not waited on) */
        private static Duration retryAfter(String header) {
            try {
                return header == null ? null : Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
            } catch (NumberFormatException e) {
                return null;
            }
        }

        private Throwable translate(Throwable cause) {
            if (cause instanceof WebSocketClientHandshakeException handshake && handshake.response() != null) {
                int status = handshake.response().status().code();
                String reason = handshake.response().status().reasonPhrase();
                if (status == 401 || status == 403) {
                    return new AuthenticationException(target.description() + " refused the websocket upgrade"
                            + " (HTTP " + status + " " + reason + "); " + target.authHint(), cause);
                }
                String refused = target.description() + " refused the websocket upgrade (HTTP " + status + " "
                        + reason + ")";
                if (status == 404) {
                    return new NotFoundException(refused + ": no websocket at " + target.uri().getRawPath()
                            + "; check the URL's path", cause);
                }
                if (status == 429) {
                    Duration wait = retryAfter(handshake.response().headers().get("Retry-After"));
                    return new RateLimitException(refused + (wait == null ? "" : "; it asked to wait "
                            + wait.toSeconds() + " s") + "; try again later", wait);
                }
                return new TransportException(refused, status, null, cause);
            }
            if (cause instanceof CorruptedWebSocketFrameException corrupted
                    && corrupted.closeStatus() != null
                    && corrupted.closeStatus().code() == WebSocketCloseStatus.MESSAGE_TOO_BIG.code()
                    || cause instanceof TooLongFrameException) {
                return new FrameTooLongException(target.description() + " sent a frame larger than "
                        + target.maxFrameBytes() + " bytes (" + target.frameLimitOption() + ")",
                        target.maxFrameBytes());
            }
            return cause;
        }
    }
}

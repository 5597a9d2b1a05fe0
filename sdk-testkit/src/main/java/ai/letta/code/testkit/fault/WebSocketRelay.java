package ai.letta.code.testkit.fault;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A websocket proxy on {@code 127.0.0.1:0} in front of a real websocket server (the app server), so a test can
 * {@link #inject} a frame on the SDK's path as if the server had sent it. The SDK connects to {@link #uri()}; for
 * each upgrade the relay first opens its own upgrade to the server, same path, query and headers (an
 * {@code Authorization: Bearer} token included), and only then answers the SDK: with 101 once the server
 * accepted, with the server's own status and body if it refused (a 401 stays a 401), or 502 if nothing listens
 * (a killed server), so a reconnecting SDK sees what it would see without the relay. Once open, every frame is
 * forwarded whole (text, binary, ping, pong, close with its code and reason) and pings are not answered here: a
 * frozen server leaves the SDK's pings as unanswered as it would directly. When one side ends, the other is
 * closed: without a close frame if the first ended without one, so a server that dies drops the SDK's socket
 * (1006) just as it would.
 *
 * <p>Frames up to {@value #MAX_FRAME_BYTES} bytes pass, more than the SDK's 64 MiB default cap, so a frame over
 * the SDK's cap reaches the SDK and is its to refuse. One daemon event-loop thread, started by {@link #start}, for
 * both sides of every connection: forwarding and injection keep their order. Thread-safe; {@link #close()} ends
 * every connection (the SDK sees 1006) and the thread.
 */
public final class WebSocketRelay implements AutoCloseable {

    /** The largest frame forwarded either way. */
    public static final int MAX_FRAME_BYTES = 128 * 1024 * 1024;
    /** How long the server's upgrade may take before the SDK's is answered 504. */
    private static final int UPSTREAM_TIMEOUT_MS = 10_000;
    private static final Set<String> NOT_FORWARDED = Set.of("host", "upgrade", "connection", "sec-websocket-key",
            "sec-websocket-version", "sec-websocket-extensions", "sec-websocket-accept", "content-length",
            "transfer-encoding");

    private final URI upstream;
    private final EventLoopGroup group;
    private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final Set<Channel> open = ConcurrentHashMap.newKeySet();
    private final Channel server;

    private WebSocketRelay(URI upstream) {
        this.upstream = upstream;
        this.group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("ws-relay", true),
                NioIoHandler.newFactory());
        try {
            server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            channels.add(ch);
                            ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(64 * 1024),
                                    new SdkSide());
                        }
                    })
                    .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).syncUninterruptibly()
                    .channel();
            channels.add(server);
        } catch (RuntimeException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        }
    }

    /**
     * Binds a relay on a free loopback port.
     *
     * @param upstream the server's websocket URI ({@code ws://host:port/path}); its host and port are where every
     *     connection goes, the path and query are the SDK's own
     * @return the running relay
     */
    public static WebSocketRelay start(URI upstream) {
        Objects.requireNonNull(upstream, "upstream");
        if (!"ws".equalsIgnoreCase(upstream.getScheme())) {
            throw new IllegalArgumentException("upstream must be a ws:// URI, got " + upstream);
        }
        return new WebSocketRelay(upstream);
    }

    /** @return {@code upstream} with the relay's host and port: what the SDK connects to */
    public URI uri() {
        int port = ((InetSocketAddress) server.localAddress()).getPort();
        return URI.create("ws://127.0.0.1:" + port + (upstream.getRawPath() == null ? "" : upstream.getRawPath())
                + (upstream.getRawQuery() == null ? "" : "?" + upstream.getRawQuery()));
    }

    /** @return how many SDK connections are open through the relay now */
    public int openConnections() {
        return open.size();
    }

    /**
     * Sends {@code text} as one text frame to every open SDK connection, between two whole frames of the server's.
     *
     * @param text the frame
     * @return whether at least one connection was open to take it
     */
    public boolean inject(String text) {
        List<Channel> targets = List.copyOf(open);
        for (Channel sdk : targets) {
            sdk.writeAndFlush(new TextWebSocketFrame(text));
        }
        return !targets.isEmpty();
    }

    /**
     * Cuts every open connection at both ends without close frames (the SDK sees 1006, the server its client gone);
     * the relay goes on taking new ones.
     *
     * @return how many SDK connections were cut
     */
    public int dropConnections() {
        List<Channel> targets = List.copyOf(open);
        targets.forEach(Channel::close);
        return targets.size();
    }

    /** Closes every connection (without close frames) and stops the thread; idempotent. */
    @Override
    public void close() {
        channels.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    /** The SDK's connection: its upgrade, then its frames to the server. */
    private final class SdkSide extends SimpleChannelInboundHandler<Object> {
        private Channel server;

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Object message) {
            if (message instanceof FullHttpRequest request) {
                upgrade(ctx.channel(), request);
            } else if (message instanceof WebSocketFrame frame && server != null && server.isActive()) {
                server.writeAndFlush(frame.retain());
            }
        }

        private void upgrade(Channel sdk, FullHttpRequest request) {
            if (!request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) {
                refuse(sdk, HttpResponseStatus.BAD_REQUEST, "the relay takes websocket upgrades only");
                return;
            }
            sdk.config().setAutoRead(false);
            HttpHeaders headers = new DefaultHttpHeaders();
            request.headers().forEach(h -> {
                if (!NOT_FORWARDED.contains(h.getKey().toLowerCase(java.util.Locale.ROOT))) {
                    headers.add(h.getKey(), h.getValue());
                }
            });
            String subprotocol = request.headers().get(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL);
            headers.remove(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL);
            URI target = URI.create("ws://" + upstream.getHost() + ":" + upstream.getPort() + request.uri());
            // No Origin of the relay's own: the app server refuses browser origins (403), and the SDK sends none.
            WebSocketClientHandshaker handshaker = WebSocketClientHandshakerFactory.newHandshaker(target,
                    WebSocketVersion.V13, subprotocol, false, headers, MAX_FRAME_BYTES, true, false,
                    UPSTREAM_TIMEOUT_MS, false, false);
            FullHttpRequest held = request.retainedDuplicate();
            ServerSide serverSide = new ServerSide(this, sdk, held, handshaker, subprotocol);
            new Bootstrap().group(sdk.eventLoop()).channel(NioSocketChannel.class)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, UPSTREAM_TIMEOUT_MS)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            channels.add(ch);
                            ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(1024 * 1024),
                                    serverSide);
                        }
                    })
                    .connect(upstream.getHost(), upstream.getPort()).addListener(f -> {
                        if (!f.isSuccess()) {
                            held.release();
                            refuse(sdk, HttpResponseStatus.BAD_GATEWAY, "the relay could not reach " + upstream
                                    + ": " + f.cause().getMessage());
                        }
                    });
            sdk.eventLoop().schedule(() -> {
                if (!serverSide.upgraded && sdk.isActive()) {
                    refuse(sdk, HttpResponseStatus.GATEWAY_TIMEOUT, "the server did not answer the upgrade within "
                            + UPSTREAM_TIMEOUT_MS + " ms");
                    if (server != null) {
                        server.close();
                    }
                }
            }, UPSTREAM_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        }

        void connected(Channel upstreamChannel) {
            server = upstreamChannel;
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            open.remove(ctx.channel());
            if (server != null) {
                server.close();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    /** The relay's connection to the server: its handshake, then its frames to the SDK. */
    private final class ServerSide extends SimpleChannelInboundHandler<Object> {
        private final SdkSide sdkSide;
        private final Channel sdk;
        private final FullHttpRequest request;
        private final WebSocketClientHandshaker handshaker;
        private final String subprotocol;
        volatile boolean upgraded;

        ServerSide(SdkSide sdkSide, Channel sdk, FullHttpRequest request, WebSocketClientHandshaker handshaker,
                String subprotocol) {
            this.sdkSide = sdkSide;
            this.sdk = sdk;
            this.request = request;
            this.handshaker = handshaker;
            this.subprotocol = subprotocol;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            sdkSide.connected(ctx.channel());
            if (!sdk.isActive()) {
                // The SDK gave up while the relay connected.
                ctx.close();
                return;
            }
            handshaker.handshake(ctx.channel());
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Object message) {
            if (!handshaker.isHandshakeComplete() && message instanceof FullHttpResponse response) {
                try {
                    handshaker.finishHandshake(ctx.channel(), response);
                } catch (WebSocketClientHandshakeException e) {
                    // The server refused: the SDK hears the same status and body.
                    FullHttpResponse refusal = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, response.status(),
                            response.content().retainedDuplicate());
                    refusal.headers().set(response.headers()).remove(HttpHeaderNames.TRANSFER_ENCODING)
                            .setInt(HttpHeaderNames.CONTENT_LENGTH, refusal.content().readableBytes())
                            .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                    sdk.writeAndFlush(refusal).addListener(ChannelFutureListener.CLOSE);
                    request.release();
                    ctx.close();
                    return;
                }
                ctx.pipeline().addBefore(ctx.name(), "ws-relay-aggregator",
                        new WebSocketFrameAggregator(MAX_FRAME_BYTES));
                acceptSdk();
                return;
            }
            if (message instanceof WebSocketFrame frame && sdk.isActive()) {
                sdk.writeAndFlush(frame.retain());
            }
        }

        private void acceptSdk() {
            String location = "ws://" + request.headers().get(HttpHeaderNames.HOST, "127.0.0.1") + request.uri();
            WebSocketServerHandshaker accept = new WebSocketServerHandshakerFactory(location, subprotocol, true,
                    MAX_FRAME_BYTES).newHandshaker(request);
            try {
                if (accept == null) {
                    WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(sdk);
                    sdk.close();
                    return;
                }
                accept.handshake(sdk, request);
            } finally {
                request.release();
            }
            String relay = sdk.pipeline().context(SdkSide.class).name();
            sdk.pipeline().addBefore(relay, "ws-relay-aggregator", new WebSocketFrameAggregator(MAX_FRAME_BYTES));
            upgraded = true;
            open.add(sdk);
            sdk.config().setAutoRead(true);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (!upgraded && sdk.isActive()) {
                refuse(sdk, HttpResponseStatus.BAD_GATEWAY, "the server closed the connection during the upgrade");
            } else {
                // The server is gone (a close frame, if any, was forwarded already): drop the SDK's side too.
                sdk.close();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    private static void refuse(Channel sdk, HttpResponseStatus status, String reason) {
        if (!sdk.isActive()) {
            return;
        }
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer("{\"detail\":\"" + reason.replace("\"", "'") + "\"}", StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        sdk.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}

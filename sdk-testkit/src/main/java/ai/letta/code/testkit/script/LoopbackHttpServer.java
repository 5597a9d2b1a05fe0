package ai.letta.code.testkit.script;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Netty HTTP/1.1 server on {@code 127.0.0.1:0} that records every request in a {@link RequestJournal} and
 * hands it to a handler as an {@link HttpExchange}. One daemon event-loop thread; the handler runs on it and must
 * not block. Optionally a {@link WebSocketEndpoint} takes websocket upgrades on the same port. A handler that throws gets HTTP 500 {@code {"detail": <message>}}. {@link #close()} closes every
 * connection, including held streams, and stops the thread within a few seconds. Part of the fakes' plumbing.
 */
public final class LoopbackHttpServer implements AutoCloseable {

    /** Request bodies above this are refused; Letta Code turn requests are about 65 KB. */
    private static final int MAX_BODY_BYTES = 64 * 1024 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EventLoopGroup group;
    private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final Channel serverChannel;
    private final RequestJournal journal;
    private final Consumer<HttpExchange> handler;
    private final WebSocketEndpoint webSockets;

    private LoopbackHttpServer(String name, RequestJournal journal, Consumer<HttpExchange> handler,
            WebSocketEndpoint webSockets) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.webSockets = webSockets;
        this.group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory(name, true),
                NioIoHandler.newFactory());
        try {
            serverChannel = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            channels.add(ch);
                            ch.pipeline().addLast(new HttpServerCodec(), new HttpServerExpectContinueHandler(),
                                    new HttpObjectAggregator(MAX_BODY_BYTES), new Dispatch());
                        }
                    })
                    .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).syncUninterruptibly()
                    .channel();
            channels.add(serverChannel);
        } catch (RuntimeException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        }
    }

    /**
     * Binds a server on a free loopback port; {@code name} names its thread.
     *
     * @param name names the thread
     * @param journal records every request
     * @param handler answers each request
     * @return the running server
     */
    public static LoopbackHttpServer start(String name, RequestJournal journal, Consumer<HttpExchange> handler) {
        return new LoopbackHttpServer(name, journal, handler, null);
    }

    /**
     * Like {@link #start(String, RequestJournal, Consumer)}, and websocket upgrades to the paths {@code webSockets}
     * handles go to it on the same port (recorded in the journal like any request).
     *
     * @param name names the thread
     * @param journal records every request
     * @param handler answers each request
     * @param webSockets the websocket endpoint
     * @return the running server
     */
    public static LoopbackHttpServer start(String name, RequestJournal journal, Consumer<HttpExchange> handler,
            WebSocketEndpoint webSockets) {
        return new LoopbackHttpServer(name, journal, handler, Objects.requireNonNull(webSockets, "webSockets"));
    }

    /** @return the bound port */
    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** @return {@code http://127.0.0.1:<port>} */
    public String origin() {
        return "http://127.0.0.1:" + port();
    }

    /** Closes every connection and stops the event loop; idempotent. */
    @Override
    public void close() {
        channels.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    private final class Dispatch extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            if (webSockets != null && isUpgrade(request)
                    && webSockets.handles(new QueryStringDecoder(request.uri()).path())) {
                upgrade(ctx, request);
                return;
            }
            HttpExchange exchange = new HttpExchange(ctx.channel(), recorded(request), HttpUtil.isKeepAlive(request));
            journal.record(exchange.request());
            try {
                handler.accept(exchange);
            } catch (RuntimeException e) {
                if (!exchange.answered()) {
                    exchange.respondJson(500, JSON.createObjectNode()
                            .put("detail", "fake server failed: " + e));
                }
            }
        }

        private void upgrade(ChannelHandlerContext ctx, FullHttpRequest request) {
            WebSocketUpgrade upgrade = new WebSocketUpgrade(ctx.channel(), request, recorded(request));
            journal.record(upgrade.request());
            try {
                webSockets.upgrade(upgrade);
            } catch (RuntimeException e) {
                if (!upgrade.answered()) {
                    upgrade.refuse(500, JSON.createObjectNode().put("detail", "fake server failed: " + e));
                }
                return;
            }
            if (!upgrade.answered()) {
                upgrade.refuse(500, JSON.createObjectNode().put("detail", "fake server left the upgrade unanswered"));
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // A client that resets the connection mid-stream is normal here (interrupts); just drop it.
            ctx.close();
        }
    }

    private static boolean isUpgrade(FullHttpRequest request) {
        return request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
    }

    private RecordedRequest recorded(FullHttpRequest request) {
        QueryStringDecoder decoder = new QueryStringDecoder(request.uri());
        int question = request.uri().indexOf('?');
        String query = question < 0 ? "" : request.uri().substring(question + 1);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.headers().forEach(h -> headers.computeIfAbsent(h.getKey(), k -> new ArrayList<>())
                .add(h.getValue()));
        return new RecordedRequest(journal.nextSequenceNumber(), Instant.now(), request.method().name(),
                decoder.path(), query, decoder.parameters(), headers,
                request.content().toString(StandardCharsets.UTF_8));
    }
}

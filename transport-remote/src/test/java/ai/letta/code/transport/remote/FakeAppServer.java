package ai.letta.code.transport.remote;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
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
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tiny websocket server on {@code 127.0.0.1} that plays the app server for fault tests the real one cannot
 * produce: garbage frames, unknown response types, oversized frames, dropped sockets, a server that stays away.
 * A handler scripts the replies to each command. Records the upgrade headers and the pongs it receives.
 */
final class FakeAppServer implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** Replies to one command: {@code reply.accept(commandJson, sender)}. */
    interface Handler extends BiConsumer<JsonNode, Channel> {
    }

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final ChannelGroup clients = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    final List<HttpHeaders> upgrades = new CopyOnWriteArrayList<>();
    final LinkedBlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    final LinkedBlockingQueue<String> pongs = new LinkedBlockingQueue<>();
    private final Handler handler;
    private volatile Channel listener;
    /** When set, every upgrade is answered with this HTTP status (and a {@code Retry-After: 7} for 429). */
    private volatile int refuseWith;
    private volatile int port;

    FakeAppServer(Handler handler) {
        this.handler = handler;
        listen(0);
    }

    private void listen(int wanted) {
        ServerBootstrap bootstrap = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65536),
                                new ChannelInboundHandlerAdapter() {
                                    @Override
                                    public void channelRead(ChannelHandlerContext ctx, Object msg) {
                                        if (msg instanceof FullHttpRequest request) {
                                            upgrades.add(request.headers().copy());
                                            if (refuseWith != 0) {
                                                refuse(ctx, request);
                                                return;
                                            }
                                            clients.add(ctx.channel());
                                        }
                                        ctx.fireChannelRead(msg);
                                    }
                                },
                                new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                                        .websocketPath("/ws").maxFramePayloadLength(64 * 1024 * 1024)
                                        .dropPongFrames(false).build()),
                                new SimpleChannelInboundHandler<WebSocketFrame>() {
                                    @Override
                                    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
                                        if (frame instanceof TextWebSocketFrame text) {
                                            JsonNode command = JSON.readTree(text.text());
                                            received.add(command);
                                            handler.accept(command, ctx.channel());
                                        } else if (frame instanceof PongWebSocketFrame pong) {
                                            pongs.add(pong.content().toString(java.nio.charset.StandardCharsets.UTF_8));
                                        }
                                    }
                                });
                    }
                });
        listener = bootstrap.bind("127.0.0.1", wanted).syncUninterruptibly().channel();
        port = ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /** @param status the HTTP status every later upgrade gets instead of a websocket */
    void refuseUpgrades(int status) {
        refuseWith = status;
    }

    private void refuse(ChannelHandlerContext ctx, FullHttpRequest request) {
        request.release();
        io.netty.handler.codec.http.DefaultFullHttpResponse response = new io.netty.handler.codec.http
                .DefaultFullHttpResponse(io.netty.handler.codec.http.HttpVersion.HTTP_1_1,
                io.netty.handler.codec.http.HttpResponseStatus.valueOf(refuseWith));
        if (refuseWith == 429) {
            response.headers().set("Retry-After", "7");
        }
        response.headers().set("Content-Length", 0);
        ctx.writeAndFlush(response).addListener(io.netty.channel.ChannelFutureListener.CLOSE);
    }

    URI wsUri() {
        return URI.create("ws://127.0.0.1:" + port + "/ws");
    }

    static void send(Channel channel, String text) {
        channel.writeAndFlush(new TextWebSocketFrame(text));
    }

    static void send(Channel channel, Object json) {
        send(channel, JSON.writeValueAsString(json));
    }

    void ping(String payload) {
        clients.writeAndFlush(new PingWebSocketFrame(io.netty.buffer.Unpooled.copiedBuffer(payload,
                java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Closes every client socket abruptly (no close frame: the client sees 1006). */
    void dropClients() {
        clients.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    /** Stops listening and drops every client: the server is gone. */
    void goAway() {
        listener.close().syncUninterruptibly();
        dropClients();
    }

    /** Listens again on the same port. */
    void comeBack() {
        listen(port);
    }

    @Override
    public void close() {
        listener.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        dropClients();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}

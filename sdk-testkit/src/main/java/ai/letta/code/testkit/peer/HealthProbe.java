package ai.letta.code.testkit.peer;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One {@code GET} on a fresh connection that ends with the answer ({@code Connection: close}). A peer's readiness
 * probe must leave no socket behind: the JDK's HTTP client pools the connection until the server drops it (Node:
 * 5 s), and the fault matrix's resource check counts that socket against the SDK. Its one daemon thread is named
 * {@code peer-probe}, not as an SDK thread.
 */
final class HealthProbe {

    private static final EventLoopGroup LOOP = new MultiThreadIoEventLoopGroup(1,
            new DefaultThreadFactory("peer-probe", true), NioIoHandler.newFactory());

    private HealthProbe() {
    }

    /**
     * @param host the server's host
     * @param port its port
     * @param path what to get, e.g. {@code /healthz}
     * @param timeout the longest the connect and the answer may take together
     * @return the answer's status code
     * @throws IOException if nothing answered in time
     * @throws InterruptedException if interrupted while waiting
     */
    static int status(String host, int port, String path, Duration timeout) throws IOException, InterruptedException {
        CompletableFuture<Integer> status = new CompletableFuture<>();
        ChannelFuture connect = new Bootstrap().group(LOOP).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.max(1, timeout.toMillis()))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(64 * 1024),
                                new SimpleChannelInboundHandler<FullHttpResponse>() {
                                    @Override
                                    protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse answer) {
                                        status.complete(answer.status().code());
                                        ctx.close();
                                    }

                                    @Override
                                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                        status.completeExceptionally(cause);
                                        ctx.close();
                                    }

                                    @Override
                                    public void channelInactive(ChannelHandlerContext ctx) {
                                        status.completeExceptionally(new IOException("closed before answering"));
                                    }
                                });
                    }
                })
                .connect(host, port);
        connect.addListener(f -> {
            if (!f.isSuccess()) {
                status.completeExceptionally(f.cause());
                return;
            }
            DefaultFullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, path);
            request.headers().set(HttpHeaderNames.HOST, host + ":" + port)
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            connect.channel().writeAndFlush(request);
        });
        try {
            return status.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IOException("no answer from " + host + ":" + port + path + " in " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            throw new IOException(String.valueOf(e.getCause()), e.getCause());
        } finally {
            connect.channel().close().awaitUninterruptibly(timeout.toMillis());
        }
    }
}

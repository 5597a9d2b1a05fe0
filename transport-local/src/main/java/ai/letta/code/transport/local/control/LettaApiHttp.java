package ai.letta.code.transport.local.control;

import ai.letta.code.api.exception.OperationTimeoutException;
import ai.letta.code.api.exception.SessionClosedException;
import ai.letta.code.api.exception.TransportException;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
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
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContentDecompressor;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * JSON requests to the Letta REST API over Netty: one connection per request ({@code Connection: close}), HTTPS
 * for {@code https} base URLs, each request bounded by the timeout. A handful of calls finish an agent the CLI
 * created, so there is nothing to pool. Owns one event-loop thread until {@link #close()}. Thread-safe.
 */
final class LettaApiHttp implements AutoCloseable {

    /**
     * What the server answered.
     *
     * @param status the HTTP status
     * @param body the body text
     * @param retryAfter the wait a {@code Retry-After} in seconds asked for, or {@code null}
     */
    record Response(int status, String body, Duration retryAfter) {
    }

    /** Agent states carry the compiled system prompt: generous, but bounded. */
    private static final int MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

    private final URI base;
    private final Duration timeout;
    private final SslContext ssl;
    private final EventLoopGroup group;

    /**
     * @param base the API's base URL ({@code http} or {@code https})
     * @param timeout the bound of each request, connecting included
     */
    LettaApiHttp(URI base, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
        this.ssl = "https".equalsIgnoreCase(base.getScheme()) ? clientSsl() : null;
        this.group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("letta-api-http", true),
                NioIoHandler.newFactory());
    }

    /**
     * Sends one request and waits for the whole answer.
     *
     * @param method the HTTP method
     * @param path the path below the base URL, e.g. {@code v1/agents/agent-1}
     * @param bearer the API key, sent as {@code Authorization: Bearer}
     * @param json the request body
     * @return the answer
     * @throws OperationTimeoutException if no whole answer arrived within the timeout
     * @throws TransportException if the server could not be reached or dropped the connection
     */
    Response send(String method, String path, String bearer, String json) {
        URI uri = base.resolve(path);
        int port = uri.getPort() > 0 ? uri.getPort() : ssl != null ? 443 : 80;
        CompletableFuture<Response> answer = new CompletableFuture<>();
        Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        if (ssl != null) {
                            channel.pipeline().addLast(ssl.newHandler(channel.alloc(), uri.getHost(), port));
                        }
                        channel.pipeline().addLast(new HttpClientCodec(), new HttpContentDecompressor(),
                                new HttpObjectAggregator(MAX_RESPONSE_BYTES), new Answer(answer));
                    }
                });
        ChannelFuture connected = bootstrap.connect(uri.getHost(), port);
        Channel channel = connected.channel();
        try {
            if (!connected.awaitUninterruptibly(timeout.toMillis())) {
                throw new TimeoutException();
            }
            if (!connected.isSuccess()) {
                throw unreachable(method, path, connected.cause());
            }
            channel.writeAndFlush(request(method, uri, bearer, json));
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new OperationTimeoutException(method + " " + path + " on the Letta API did not answer within "
                    + timeout.toMillis() + " ms (LocalOptions.requestTimeout)");
        } catch (ExecutionException e) {
            throw unreachable(method, path, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SessionClosedException("interrupted while calling the Letta API (" + method + " " + path + ")",
                    e);
        } finally {
            channel.close();
        }
    }

    /** Stops the event-loop thread. Idempotent. */
    @Override
    public void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    private static FullHttpRequest request(String method, URI uri, String bearer, String json) {
        String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.valueOf(method),
                target, Unpooled.wrappedBuffer(body));
        request.headers()
                .set(HttpHeaderNames.HOST, uri.getPort() > 0 ? uri.getHost() + ":" + uri.getPort() : uri.getHost())
                .set(HttpHeaderNames.AUTHORIZATION, "Bearer " + bearer)
                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.ACCEPT_ENCODING, HttpHeaderValues.GZIP)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                .set("X-Letta-Source", "letta-code-java");
        return request;
    }

    private TransportException unreachable(String method, String path, Throwable cause) {
        return new TransportException("could not reach the Letta API at " + base + " (" + method + " " + path + "): "
                + cause.getMessage(), null, null, cause);
    }

    private static SslContext clientSsl() {
        try {
            return SslContextBuilder.forClient().build();
        } catch (SSLException e) {
            throw new TransportException("could not set up TLS for the Letta API: " + e.getMessage(), null, null, e);
        }
    }

    /** Completes the request's future with the answer, or with the connection's failure. */
    /** @return the seconds form of {@code Retry-After}; an HTTP date or garbage counts as not said */
    static Duration retryAfter(String header) {
        if (header == null || !header.strip().matches("\\d{1,9}")) {
            return null;
        }
        return Duration.ofSeconds(Long.parseLong(header.strip()));
    }

    private static final class Answer extends SimpleChannelInboundHandler<FullHttpResponse> {
        private final CompletableFuture<Response> answer;

        Answer(CompletableFuture<Response> answer) {
            this.answer = answer;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext context, FullHttpResponse response) {
            answer.complete(new Response(response.status().code(),
                    response.content().toString(StandardCharsets.UTF_8),
                    retryAfter(response.headers().get("Retry-After"))));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            answer.completeExceptionally(cause);
            context.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext context) {
            answer.completeExceptionally(new TransportException("the connection closed before an answer", null, null,
                    null));
        }
    }
}

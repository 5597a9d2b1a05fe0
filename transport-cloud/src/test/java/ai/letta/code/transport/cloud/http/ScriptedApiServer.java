package ai.letta.code.transport.cloud.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

/**
 * A loopback HTTP/1.1 server for fault tests: answers each request with the next scripted reply (status, headers,
 * body, gzip, silence, a delay, or a connection cut mid-body), then with the last one again; records every request
 * with its arrival time. The testkit's
 * {@code LoopbackHttpServer} cannot set response headers ({@code Retry-After}, {@code x-should-retry}), hence this.
 */
public final class ScriptedApiServer implements AutoCloseable {

    /** One scripted answer. */
    public record Reply(int status, Map<String, String> headers, String body, boolean gzip, boolean silent,
            Duration delay, boolean cut) {

        /** A reply sent at once and whole. */
        public Reply(int status, Map<String, String> headers, String body, boolean gzip, boolean silent) {
            this(status, headers, body, gzip, silent, Duration.ZERO, false);
        }

        /** @return a JSON answer */
        public static Reply json(int status, String body) {
            return new Reply(status, Map.of(), body, false, false);
        }

        /** @return no answer at all: the connection stays open and quiet */
        public static Reply silence() {
            return new Reply(0, Map.of(), "", false, true);
        }

        /** @return this reply with one more header */
        public Reply header(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Reply(status, more, body, gzip, silent, delay, cut);
        }

        /** @return this reply, gzip-compressed */
        public Reply gzipped() {
            return new Reply(status, headers, body, true, silent, delay, cut);
        }

        /** @return this reply, sent only after {@code delay} (a slow server) */
        public Reply delayed(Duration delay) {
            return new Reply(status, headers, body, gzip, silent, delay, cut);
        }

        /**
         * @return this reply cut mid-body: the status line and headers (with the whole body's
         *     {@code Content-Length}), half the body, then the connection closes
         */
        public Reply cutMidBody() {
            return new Reply(status, headers, body, gzip, silent, delay, true);
        }
    }

    /** A request as received. */
    public record Received(String method, String uri, Map<String, String> headers, String body, long atNanos) {
        /** @return the path without the query */
        public String path() {
            int question = uri.indexOf('?');
            return question < 0 ? uri : uri.substring(0, question);
        }
    }

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1,
            new DefaultThreadFactory("scripted-api-server", true), NioIoHandler.newFactory());
    private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Channel server;
    private final boolean tls;
    private volatile Reply last = Reply.json(500, "{\"detail\":\"nothing scripted\"}");

    private ScriptedApiServer(SslContext ssl) {
        this.tls = ssl != null;
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        if (ssl != null) {
                            channel.pipeline().addLast(ssl.newHandler(channel.alloc()));
                        }
                        channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20),
                                new Answer());
                    }
                }).bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).syncUninterruptibly().channel();
    }

    /** @return a plain HTTP server */
    public static ScriptedApiServer start() {
        return new ScriptedApiServer(null);
    }

    /** @return a server behind TLS with {@code ssl} */
    static ScriptedApiServer startTls(SslContext ssl) {
        return new ScriptedApiServer(ssl);
    }

    /** @return this, with replies appended to the script */
    public ScriptedApiServer then(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    /** @return {@code http(s)://127.0.0.1:<port>} */
    public URI baseUrl() {
        return URI.create((tls ? "https" : "http") + "://127.0.0.1:" + port());
    }

    /** @return the bound port */
    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** @return how many requests arrived */
    public int count() {
        return received.size();
    }

    /** @return every request, in arrival order */
    public List<Received> received() {
        return new ArrayList<>(received);
    }

    @Override
    public void close() {
        server.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    private final class Answer extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext context, FullHttpRequest request) {
            Map<String, String> headers = new LinkedHashMap<>();
            request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(java.util.Locale.ROOT), h.getValue()));
            received.add(new Received(request.method().name(), request.uri(), headers,
                    request.content().toString(StandardCharsets.UTF_8), System.nanoTime()));
            Reply reply = script.poll();
            if (reply == null) {
                reply = last;
            } else {
                last = reply;
            }
            if (reply.silent()) {
                return;
            }
            Reply answer = reply;
            if (reply.delay().compareTo(Duration.ZERO) > 0) {
                context.executor().schedule(() -> answer(context, answer), reply.delay().toMillis(),
                        TimeUnit.MILLISECONDS);
            } else {
                answer(context, reply);
            }
        }

        private void answer(ChannelHandlerContext context, Reply reply) {
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            if (reply.gzip()) {
                body = gzip(body);
            }
            ByteBuf content = Unpooled.wrappedBuffer(body);
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.valueOf(reply.status()), content);
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json")
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
            if (reply.gzip()) {
                response.headers().set(HttpHeaderNames.CONTENT_ENCODING, "gzip");
            }
            reply.headers().forEach(response.headers()::set);
            if (reply.cut()) {
                DefaultHttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, response.status(),
                        response.headers());
                context.write(head);
                context.writeAndFlush(new DefaultHttpContent(content.retainedSlice(0, body.length / 2)))
                        .addListener(ChannelFutureListener.CLOSE);
                content.release();
                return;
            }
            context.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            context.close();
        }
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

package ai.letta.code.transport.cloud.http;

import ai.letta.code.api.exception.OperationTimeoutException;
import ai.letta.code.api.exception.TransportException;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContentDecompressor;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;

/**
 * What every request of {@link LettaHttp} does first: one fresh connection to the API (TLS when the URL says so,
 * HTTP/1.1 with gzip decompression, then the caller's handlers), and the request as it goes on the wire (the
 * base URL's path prefix, the client's own headers, the JSON or form body).
 */
final class Connector {

    private final HttpSettings settings;
    private final Tls tls;
    private final ApiErrors errors;
    private final EventLoopGroup group;

    Connector(HttpSettings settings, Tls tls, ApiErrors errors, EventLoopGroup group) {
        this.settings = settings;
        this.tls = tls;
        this.errors = errors;
        this.group = group;
    }

    /**
     * Connects, waiting at most {@code connectMillis}.
     *
     * @param request the request the connection is for (for messages)
     * @param connectMillis the bound of the connect
     * @param handlers the handlers after the HTTP codec and the decompressor, fresh for this connection
     * @return the connected channel; the caller closes it
     * @throws OperationTimeoutException if the connect took too long (the channel is closed)
     * @throws Unreachable if the connect failed otherwise (the channel is closed): nothing was sent
     */
    Channel connect(ApiRequest request, long connectMillis, ChannelHandler... handlers) {
        String host = host();
        int port = settings.port();
        Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, connectMillis))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        if (tls != null) {
                            channel.pipeline().addLast(tls.handler(channel.alloc(), host, port));
                        }
                        channel.pipeline().addLast(new HttpClientCodec(), new HttpContentDecompressor(false, 0));
                        channel.pipeline().addLast(handlers);
                    }
                });
        ChannelFuture connected;
        try {
            connected = bootstrap.connect(host, port);
        } catch (RuntimeException e) {
            throw new Unreachable(errors.unreachable(request, e));
        }
        connected.awaitUninterruptibly();
        if (connected.isSuccess()) {
            return connected.channel();
        }
        connected.channel().close();
        if (connected.cause() instanceof ConnectTimeoutException) {
            throw new OperationTimeoutException("could not connect to the Letta API at " + errors.baseUrl()
                    + " within " + settings.connectTimeout().toMillis() + " ms (" + request
                    + "; CloudOptions.connectTimeout)", connected.cause());
        }
        throw new Unreachable(errors.unreachable(request, connected.cause()));
    }

    /**
     * @param request what to send
     * @return the request as it goes on the wire, {@code Authorization} revealed into its header only
     */
    FullHttpRequest encode(ApiRequest request) {
        String prefix = settings.baseUrl().getRawPath() == null ? ""
                : settings.baseUrl().getRawPath().replaceAll("/+$", "");
        FormEncoding.Encoded form = request.form() == null ? null : FormEncoding.encode(request.form());
        byte[] body = form != null ? form.body() : request.body() == null ? new byte[0]
                : JsonCodec.write(request.body());
        FullHttpRequest wire = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.valueOf(request.method()),
                prefix + request.target(), Unpooled.wrappedBuffer(body));
        HttpHeaders headers = wire.headers();
        settings.headers().forEach(headers::set);
        headers.set(HttpHeaderNames.HOST, settings.baseUrl().getPort() > 0
                        ? settings.baseUrl().getHost() + ":" + settings.baseUrl().getPort() : settings.baseUrl().getHost())
                .set(HttpHeaderNames.AUTHORIZATION, "Bearer " + settings.apiKey().reveal())
                .set(HttpHeaderNames.ACCEPT, HttpHeaderValues.APPLICATION_JSON)
                .set(HttpHeaderNames.ACCEPT_ENCODING, HttpHeaderValues.GZIP)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                .set("X-Letta-Source", "letta-code-java")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        if (form != null) {
            headers.set(HttpHeaderNames.CONTENT_TYPE, form.contentType());
        } else if (request.body() != null) {
            headers.set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        }
        return wire;
    }

    private String host() {
        String host = settings.baseUrl().getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** A connection-level failure: worth a retry for an idempotent request; carries what to throw otherwise. */
    static final class Unreachable extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient TransportException exception;

        Unreachable(TransportException exception) {
            super(null, null, false, false);
            this.exception = exception;
        }

        /** @return what to throw when the request is not tried again */
        TransportException exception() {
            return exception;
        }
    }
}

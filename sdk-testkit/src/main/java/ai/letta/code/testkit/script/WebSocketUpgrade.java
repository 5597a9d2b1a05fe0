package ai.letta.code.testkit.script;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import tools.jackson.databind.JsonNode;

/**
 * One websocket upgrade request and the means to answer it exactly once, on the event loop, while
 * {@link WebSocketEndpoint#upgrade} runs: accept it (the handshake) or refuse it with a plain HTTP response.
 */
public final class WebSocketUpgrade {

    /** Messages above this are refused; app-server frames with tool results can be megabytes. */
    private static final int MAX_FRAME_BYTES = 64 * 1024 * 1024;

    private final Channel channel;
    private final FullHttpRequest request;
    private final RecordedRequest recorded;
    private final AtomicBoolean answered = new AtomicBoolean();

    WebSocketUpgrade(Channel channel, FullHttpRequest request, RecordedRequest recorded) {
        this.channel = channel;
        this.request = request;
        this.recorded = recorded;
    }

    /** @return the upgrade request (path, query, headers), as the journal recorded it */
    public RecordedRequest request() {
        return recorded;
    }

    boolean answered() {
        return answered.get();
    }

    /**
     * Completes the handshake; {@code listener} hears every text frame and the close. The returned connection can
     * send at once (frames queue behind the 101 response).
     *
     * @param listener hears the frames and the close
     * @return the connection
     */
    public WebSocketConnection accept(WebSocketConnection.Listener listener) {
        claim();
        String location = "ws://" + request.headers().get(HttpHeaderNames.HOST, "127.0.0.1") + recorded.path();
        // allowExtensions: the listener offers permessage-deflate; with no compression handler none is negotiated.
        WebSocketServerHandshaker handshaker = new WebSocketServerHandshakerFactory(location, null, true,
                MAX_FRAME_BYTES).newHandshaker(request);
        if (handshaker == null) {
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(channel);
            throw new IllegalStateException("unsupported websocket version: " + recorded.requestLine());
        }
        WebSocketConnection connection = new WebSocketConnection(channel, recorded, listener);
        connection.install(handshaker, request, MAX_FRAME_BYTES);
        return connection;
    }

    /**
     * Refuses the upgrade with an HTTP response carrying a JSON body, then closes the connection.
     *
     * @param status the HTTP status
     * @param body the body
     */
    public void refuse(int status, JsonNode body) {
        claim();
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(status), Unpooled.copiedBuffer(body.toString(), StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        channel.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    private void claim() {
        if (!answered.compareAndSet(false, true)) {
            throw new IllegalStateException("upgrade already answered: " + recorded.requestLine());
        }
    }
}

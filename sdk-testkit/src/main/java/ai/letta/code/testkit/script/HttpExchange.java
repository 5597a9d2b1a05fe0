package ai.letta.code.testkit.script;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import tools.jackson.databind.JsonNode;

/**
 * One request and the means to answer it exactly once: a full response, or a server-sent-events stream played
 * by {@link SsePlayer}. Methods may be called from any thread; writes run on the connection's event loop.
 * Part of the fakes' plumbing, not a testing API.
 */
public final class HttpExchange {

    private final Channel channel;
    private final RecordedRequest request;
    private final boolean keepAlive;
    private final AtomicBoolean answered = new AtomicBoolean();

    HttpExchange(Channel channel, RecordedRequest request, boolean keepAlive) {
        this.channel = channel;
        this.request = request;
        this.keepAlive = keepAlive;
    }

    /** @return the request being answered */
    public RecordedRequest request() {
        return request;
    }

    /** @return whether a response was started */
    public boolean answered() {
        return answered.get();
    }

    /**
     * Answers with a JSON body.
     *
     * @param status the HTTP status
     * @param body the body
     */
    public void respondJson(int status, JsonNode body) {
        respond(status, "application/json", body.toString());
    }

    /**
     * Answers with a complete response.
     *
     * @param status the HTTP status
     * @param contentType the {@code Content-Type}
     * @param body the body
     */
    public void respond(int status, String contentType, String body) {
        respond(status, contentType, body, Map.of());
    }

    /**
     * Answers with a JSON body and extra headers (e.g. {@code Retry-After}).
     *
     * @param status the HTTP status
     * @param body the body
     * @param headers the extra headers
     */
    public void respondJson(int status, JsonNode body, Map<String, String> headers) {
        respond(status, "application/json", body.toString(), headers);
    }

    private void respond(int status, String contentType, String body, Map<String, String> headers) {
        claim();
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(status), Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        headers.forEach(response.headers()::set);
        if (!keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        channel.eventLoop().execute(() -> {
            var written = channel.writeAndFlush(response);
            if (!keepAlive) {
                written.addListener(ChannelFutureListener.CLOSE);
            }
        });
    }

    /**
     * Answers HTTP 200 {@code text/event-stream} and plays {@code frames}, pausing {@code chunkDelay} between two
     * events. The listener hears every event written and how the stream ended.
     *
     * @param frames the frames
     * @param chunkDelay the pause between two events
     * @param listener hears the events and the end
     */
    public void stream(List<SseFrame> frames, Duration chunkDelay, SsePlayer.Listener listener) {
        claim();
        channel.eventLoop().execute(() -> new SsePlayer(channel, frames, chunkDelay, keepAlive, listener).start());
    }

    /** Closes the connection without answering (a connection-level fault). */
    public void drop() {
        claim();
        channel.close();
    }

    private void claim() {
        if (!answered.compareAndSet(false, true)) {
            throw new IllegalStateException("request already answered: " + request.requestLine());
        }
    }
}

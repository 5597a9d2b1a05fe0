package ai.letta.code.transport.cloud.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * The last stage of a stream's pipeline (no aggregator before it): completes the head future when the status line
 * and headers arrive, then feeds each {@link HttpContent} chunk of a 2xx body to the {@link SseDecoder} and hands
 * the events to the {@link EventSource}. A non-2xx body is collected (bounded) so the error can quote it; the head
 * future then completes with it. Runs on the event loop and never blocks. Stateful, so one per connection.
 */
final class EventStreamHandler extends SimpleChannelInboundHandler<HttpObject> {

    /** The most of an error body kept for the message. */
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final CompletableFuture<RawResponse> head;
    private final EventSource sink;
    private final SseDecoder decoder;
    private final ByteArrayOutputStream errorBody = new ByteArrayOutputStream();
    private HttpResponse response;
    private boolean success;
    private boolean ended;

    EventStreamHandler(CompletableFuture<RawResponse> head, EventSource sink, int maxEventBytes) {
        this.head = head;
        this.sink = sink;
        this.decoder = new SseDecoder(maxEventBytes);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext context, HttpObject message) {
        if (message instanceof HttpResponse answer) {
            response = answer;
            int status = answer.status().code();
            success = status >= 200 && status < 300;
            if (success) {
                head.complete(new RawResponse(status, answer.headers().copy(), new byte[0]));
            }
        }
        if (message instanceof HttpContent content && response != null) {
            if (success) {
                for (SseEvent event : decoder.feed(content.content())) {
                    sink.offer(event);
                }
            } else if (errorBody.size() < MAX_ERROR_BODY) {
                byte[] bytes = ByteBufUtil.getBytes(content.content());
                errorBody.write(bytes, 0, Math.min(bytes.length, MAX_ERROR_BODY - errorBody.size()));
            }
            if (message instanceof LastHttpContent) {
                ended = true;
                if (success) {
                    sink.end();
                } else {
                    head.complete(new RawResponse(response.status().code(), response.headers().copy(),
                            errorBody.toByteArray()));
                }
                context.close();
            }
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        fail(cause);
        context.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        if (!ended) {
            fail(new IOException("the connection closed before the end of the stream"));
        }
        context.fireChannelInactive();
    }

    private void fail(Throwable cause) {
        ended = true;
        if (response != null && !success) {
            // The status is known: the error it names beats "connection closed" (a truncated body is still quoted).
            head.complete(new RawResponse(response.status().code(), response.headers().copy(),
                    errorBody.toByteArray()));
        }
        head.completeExceptionally(cause);
        sink.fail(cause);
    }
}

package ai.letta.code.testkit.script;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Plays a list of {@link SseFrame}s on one connection as a chunked {@code text/event-stream} response.
 * Everything runs on the channel's event loop and nothing blocks: pauses are scheduled, gates call back. A client
 * that disconnects stops the player; the listener then hears {@link Outcome#DISCONNECTED}.
 */
public final class SsePlayer {

    /** How a stream ended. */
    public enum Outcome {
        /** Every frame was written and the response ended normally. */
        COMPLETED,
        /** The script dropped the connection. */
        DROPPED,
        /** The connection closed before the script ended (client abort, or the fake was closed). */
        DISCONNECTED
    }

    /** Hears a stream's progress, on the event loop; must not block. */
    public interface Listener {
        /**
         * An event was handed to the connection.
         *
         * @param event the event
         */
        default void sent(SseFrame.Event event) {
        }

        /**
         * The stream ended; called exactly once.
         *
         * @param outcome how it ended
         */
        default void finished(Outcome outcome) {
        }
    }

    private final Channel channel;
    private final List<SseFrame> frames;
    private final long chunkDelayNanos;
    private final boolean keepAlive;
    private final Listener listener;
    private final ChannelFutureListener onClose = future -> finish(Outcome.DISCONNECTED);
    private int index;
    private boolean eventWritten;
    private boolean finished;

    SsePlayer(Channel channel, List<SseFrame> frames, Duration chunkDelay, boolean keepAlive, Listener listener) {
        this.channel = channel;
        this.frames = List.copyOf(frames);
        this.chunkDelayNanos = chunkDelay.toNanos();
        this.keepAlive = keepAlive;
        this.listener = listener;
    }

    void start() {
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8")
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE);
        HttpUtil.setTransferEncodingChunked(head, true);
        if (!keepAlive) {
            head.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        channel.closeFuture().addListener(onClose);
        channel.writeAndFlush(head);
        advance();
    }

    private void advance() {
        if (finished) {
            return;
        }
        if (!channel.isActive()) {
            finish(Outcome.DISCONNECTED);
            return;
        }
        if (index == frames.size()) {
            var written = channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
            if (!keepAlive) {
                written.addListener(ChannelFutureListener.CLOSE);
            }
            finish(Outcome.COMPLETED);
            return;
        }
        SseFrame frame = frames.get(index++);
        if (frame instanceof SseFrame.Event event) {
            if (eventWritten && chunkDelayNanos > 0) {
                channel.eventLoop().schedule(() -> writeThenAdvance(event), chunkDelayNanos, TimeUnit.NANOSECONDS);
            } else {
                writeThenAdvance(event);
            }
        } else if (frame instanceof SseFrame.Pause pause) {
            channel.eventLoop().schedule(this::advance, pause.duration().toNanos(), TimeUnit.NANOSECONDS);
        } else if (frame instanceof SseFrame.Await await) {
            await.gate().whenOpen(() -> channel.eventLoop().execute(this::advance));
        } else if (frame instanceof SseFrame.Drop) {
            finish(Outcome.DROPPED);
            channel.close();
        }
        // SseFrame.Hold: write nothing more; the close listener reports DISCONNECTED later.
    }

    private void writeThenAdvance(SseFrame.Event event) {
        if (finished || !channel.isActive()) {
            finish(Outcome.DISCONNECTED);
            return;
        }
        channel.writeAndFlush(new DefaultHttpContent(
                Unpooled.copiedBuffer(event.encode(), StandardCharsets.UTF_8)));
        eventWritten = true;
        listener.sent(event);
        // Through the queue rather than recursion, so a long script cannot overflow the stack.
        channel.eventLoop().execute(this::advance);
    }

    private void finish(Outcome outcome) {
        if (!finished) {
            finished = true;
            // A keep-alive connection carries many streams; do not let each one leave a listener behind.
            channel.closeFuture().removeListener(onClose);
            listener.finished(outcome);
        }
    }
}

package ai.letta.code.transport.cloud.http;

import ai.letta.code.api.exception.LettaCodeException;
import ai.letta.code.api.exception.OperationTimeoutException;
import ai.letta.code.api.exception.ProtocolException;
import ai.letta.code.api.exception.SessionClosedException;
import ai.letta.code.api.exception.TransportLostException;
import ai.letta.code.spi.Redaction;
import io.netty.channel.Channel;
import io.netty.handler.codec.TooLongFrameException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An open {@code text/event-stream} response of the Letta API, read event by event ({@link LettaHttp#stream}).
 * The event loop decodes the chunks as they arrive ({@link SseDecoder}) into a queue; {@link #next()} takes them
 * on the caller's thread.
 *
 * <p><b>Bounds.</b> {@link #next()} waits at most {@link StreamLimits#idleTimeout()} for an event
 * ({@link OperationTimeoutException}); an event over {@link StreamLimits#maxEventBytes()} is a
 * {@code FrameTooLongException}; a connection that closes before the body's end is a
 * {@link TransportLostException}. Each failure closes the connection. The queue is kept short without blocking
 * the event loop: past {@value #HIGH_WATER} unread events the channel stops reading from the socket (TCP then
 * slows the server), and reads again once the caller has taken the queue down to {@value #LOW_WATER}.
 *
 * <p><b>Threads.</b> One reader; {@link #close()} from any thread, which wakes a reader blocked in {@link #next()}
 * (it then returns {@code null}).
 */
public final class EventSource implements AutoCloseable {

    static final int HIGH_WATER = 256;
    static final int LOW_WATER = 64;

    /** Queue markers besides events and failures. */
    private enum Marker { END, CLOSED }

    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final String what;
    private final Duration idleTimeout;
    private volatile Channel channel;
    private boolean done;

    /**
     * @param what the request and the base URL, for messages
     * @param idleTimeout the most time between two events
     */
    EventSource(String what, Duration idleTimeout) {
        this.what = what;
        this.idleTimeout = idleTimeout;
    }

    void attach(Channel channel) {
        this.channel = channel;
        if (closed.get()) {
            channel.close();
        }
    }

    /**
     * The next event, waiting at most the idle bound.
     *
     * @return the event, or {@code null} once the body has ended (or the source was closed)
     * @throws OperationTimeoutException if the server stayed silent longer than the idle bound
     * @throws TransportLostException if the connection broke before the body's end
     * @throws LettaCodeException for an oversized event ({@code FrameTooLongException})
     */
    public SseEvent next() {
        if (done || closed.get()) {
            return null;
        }
        Object item;
        try {
            item = queue.poll(idleTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new SessionClosedException("interrupted while reading the stream of " + what, e);
        }
        if (closed.get() || item == Marker.CLOSED) {
            done = true;
            return null;
        }
        if (item == null) {
            done = true;
            close();
            throw new OperationTimeoutException("the stream of " + what + " was silent for "
                    + idleTimeout.toMillis() + " ms, the idle bound (CloudOptions.requestTimeout); the connection "
                    + "was closed");
        }
        resumeReading();
        if (item instanceof SseEvent event) {
            return event;
        }
        done = true;
        close();
        if (item == Marker.END) {
            return null;
        }
        throw failure((Throwable) item);
    }

    /** Closes the connection; the reader's {@link #next()} returns {@code null}. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            queue.offer(Marker.CLOSED);
            Channel open = channel;
            if (open != null) {
                open.close();
            }
        }
    }

    /** @return whether {@link #close()} was called or the stream ended */
    public boolean closed() {
        return closed.get();
    }

    // ---- from the event loop ----

    void offer(SseEvent event) {
        queue.offer(event);
        Channel open = channel;
        if (open != null && queue.size() >= HIGH_WATER) {
            open.config().setAutoRead(false);
        }
    }

    void end() {
        queue.offer(Marker.END);
    }

    void fail(Throwable cause) {
        queue.offer(cause);
    }

    private void resumeReading() {
        Channel open = channel;
        if (open != null && !open.config().isAutoRead() && queue.size() <= LOW_WATER) {
            open.config().setAutoRead(true);
        }
    }

    private LettaCodeException failure(Throwable cause) {
        if (cause instanceof LettaCodeException known) {
            return known;
        }
        if (cause instanceof TooLongFrameException) {
            return new ProtocolException("the stream of " + what + " sent a line the HTTP decoder refused: "
                    + cause.getMessage(), cause);
        }
        String why = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        return new TransportLostException("the stream of " + what + " broke before its end: "
                + Redaction.head(why, Redaction.MAX_MESSAGE), null, null, cause);
    }
}

package ai.letta.code.api;

import ai.letta.code.api.event.Result;
import ai.letta.code.api.event.SessionEvent;
import java.util.concurrent.Flow;
import java.util.stream.Stream;

/**
 * The events of the turns sent so far, in order, ending after the {@link Result} that leaves no sent message
 * unanswered. A message sent while the stream is open extends it to that message's turn.
 *
 * <p>Iteration blocks until the next event; it never hangs on a dead peer (a lost transport ends the turn with an
 * error event and a failed result). Only one stream is open per session at a time; iterate it from one thread.
 *
 * <p>Buffering: the session buffers a turn's events while nobody reads them, up to
 * {@code SessionOptions.eventBufferSize} events; a turn that overflows the buffer is interrupted and ends with an
 * error result ({@code buffer_overflow}). Closing a stream early discards the rest of its turns' events (the turns
 * keep running; the next {@code stream()} starts with the next message sent).
 */
public interface EventStream extends Iterable<SessionEvent>, AutoCloseable {

    /** @return the events as a sequential {@link Stream}; closing it closes this stream */
    Stream<SessionEvent> toStream();

    /**
     * The events as a reactive-streams publisher for one subscriber, honouring its demand. Events are delivered on
     * an SDK thread; {@code onComplete} follows the last {@link Result}.
     *
     * @return the publisher
     */
    Flow.Publisher<SessionEvent> publisher();

    /**
     * Reads (and discards) the remaining events and returns the last result.
     *
     * @return the result that ended the stream
     */
    Result result();

    /** Stops reading; the rest of this stream's events are discarded. Idempotent. */
    @Override
    void close();
}

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
 * error event and a failed result). Iterate from one thread.
 *
 * <p><b>Leaving early.</b> Leaving a loop early ({@code break}, {@code return}) and calling
 * {@code session.stream()} again just works: the new stream takes over from the one left open and continues where
 * it stopped, with no event lost (the rest of the turn, its {@link Result}, then the turns of messages sent since).
 * The stream taken over ends: its {@code hasNext()} returns false. Iterating the same stream again
 * ({@link #iterator()} returns one cursor) also continues where the last loop stopped. Only {@link #close()}
 * discards:
 * <pre>{@code
 * session.send("Summarize the repository.");
 * for (SessionEvent e : session.stream()) {
 *     if (e instanceof AssistantMessage) break;                   // the turn keeps running
 * }
 * Result rest = session.stream().result();                         // the same turn's result
 *
 * try (EventStream events = session.stream()) {                   // close() drops what was not read
 *     events.iterator().next();
 * }
 * }</pre>
 *
 * <p><b>Buffering.</b> The session buffers a turn's events while nobody reads them, up to
 * {@code SessionOptions.eventBufferSize} events; a turn that overflows the buffer is interrupted and ends with an
 * error result ({@code buffer_overflow}). Closing a stream early discards the rest of its turns' events (the turns
 * keep running; the next {@code stream()} starts with the next message sent).
 *
 * <p><b>Exceptions.</b> Its methods throw only {@link ai.letta.code.api.exception.LettaCodeException}s, except
 * where a Java contract prescribes the type: {@code Iterator.next()} past the end throws
 * {@link java.util.NoSuchElementException}, and a publisher's {@code request(n)} with {@code n <= 0} signals an
 * {@link IllegalArgumentException} (Reactive Streams rule 3.9).
 */
public interface EventStream extends Iterable<SessionEvent>, AutoCloseable {

    /** @return the events as a sequential {@link Stream}; closing it closes this stream */
    Stream<SessionEvent> toStream();

    /**
     * The events as a reactive-streams publisher for one subscriber, honouring its demand. Events are delivered on
     * an SDK thread; {@code onComplete} follows the last {@link Result}. Each call returns the same publisher; a
     * second subscriber gets {@code onError} with an {@link ai.letta.code.api.exception.IllegalUseException}.
     *
     * @return the publisher
     */
    Flow.Publisher<SessionEvent> publisher();

    /**
     * Reads (and discards) the remaining events and returns the last result.
     *
     * @return the result that ended the stream
     * @throws ai.letta.code.api.exception.IllegalUseException if the stream ended without a result: nothing was
     *     sent, it was closed or read to its end before, or a later {@code session.stream()} took it over
     */
    Result result();

    /**
     * Stops reading; the rest of this stream's events are discarded (unlike leaving a loop early, see above).
     * Idempotent; does nothing on a stream that was taken over.
     */
    @Override
    void close();
}

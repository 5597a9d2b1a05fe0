package ai.letta.code.api.message;

import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.api.event.StopReason;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Letta messages of one streaming send, as they arrive ({@code text/event-stream}): the same
 * {@link SessionEvent} values a session yields (the mapping is on {@link Messages}). The stream ends at the
 * server's {@code [DONE]}; its {@code stop_reason} and {@code usage_statistics} events are not yielded but kept:
 * {@link #stopReason()} and {@link #usage()} read them once they have arrived. Pings are skipped (they only prove
 * the server is alive).
 *
 * <pre>{@code
 * try (MessageStream stream = client.messages().stream(agentId, SendRequest.text("Hello"))) {
 *     for (SessionEvent event : stream) {
 *         if (event instanceof AssistantMessage m) System.out.print(m.content());
 *     }
 *     System.out.println(" [" + stream.stopReason().orElseThrow() + "]");
 * }
 * }</pre>
 *
 * <p><b>Bounds and failures.</b> Iteration blocks for the next event, never forever: a server silent longer than
 * the idle bound (on the cloud backend {@code CloudOptions.requestTimeout}, which also bounds the wait for the
 * response headers; the Letta server pings an idle stream well within it) ends it with an
 * {@link ai.letta.code.api.exception.OperationTimeoutException}; a connection cut before {@code [DONE]} with a
 * {@link ai.letta.code.api.exception.TransportLostException}; an event over the size cap with a
 * {@link ai.letta.code.api.exception.FrameTooLongException}. A failure the server reports in the stream (an
 * {@code error_message}, or SSE {@code event: error}) is data: an {@link ai.letta.code.api.event.ErrorEvent}.
 * Each failure closes the connection.
 *
 * <p><b>Threads.</b> Iterate from one thread; {@link #iterator()} returns the one cursor, so a second loop goes on
 * where the first stopped. {@link #cancel()} and {@link #close()} may be called from any thread: a reader blocked
 * in {@code hasNext()} then sees the end.
 */
public interface MessageStream extends Iterable<SessionEvent>, AutoCloseable {

    /** @return the events as a sequential {@link Stream}; closing it closes this stream */
    Stream<SessionEvent> toStream();

    /** @return why the agent stopped, once the {@code stop_reason} event has arrived */
    Optional<StopReason> stopReason();

    /** @return what the request cost, once the {@code usage_statistics} event has arrived */
    Optional<Usage> usage();

    /** @return the run the server reported in the stream's messages, once one has arrived */
    Optional<String> runId();

    /**
     * Reads the rest of the stream and returns it as one response, the chunks that share a message id (token
     * streaming) joined, as a non-streaming send would have answered.
     *
     * @return the events not read yet, with the stop reason and usage
     * @throws ai.letta.code.api.exception.LettaCodeException as iteration does
     */
    MessageResponse collect();

    /**
     * Stops the run on the server and the stream here: closes the connection, then asks the server to cancel the
     * run ({@code POST /v1/agents/{id}/messages/cancel} with the stream's run id, or every active run of the agent
     * when no message has named one yet; {@code POST /v1/conversations/{id}/cancel} for a conversation). A run that
     * already ended is not an error. Idempotent.
     *
     * @throws ai.letta.code.api.exception.LettaCodeException if the cancel request fails otherwise
     */
    void cancel();

    /**
     * Stops reading and closes the connection; events not read are dropped. The run itself goes on if the request
     * asked for {@code background}. Idempotent.
     */
    @Override
    void close();
}

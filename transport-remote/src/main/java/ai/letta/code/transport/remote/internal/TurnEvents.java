package ai.letta.code.transport.remote.internal;

import ai.letta.code.api.event.ErrorCode;
import ai.letta.code.api.event.ErrorEvent;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.api.permission.ToolPermissionRequest;
import ai.letta.code.spi.Results;
import ai.letta.code.spi.SessionSink;
import java.util.ArrayList;
import java.util.List;

/**
 * What a session's turns hand to the engine, through its {@link SessionSink}: a turn is announced
 * ({@link SessionSink#onTurnStarted}, with the messages it covers) before its first event, its joined messages as
 * they complete, and exactly one {@link Result} at its end, also for turns that end here rather than on the server
 * (a dropped socket, messages withdrawn). Not thread-safe: used on the event loop.
 */
final class TurnEvents {

    private final SessionSink sink;
    private final String conversationId;

    TurnEvents(SessionSink sink, String conversationId) {
        this.sink = sink;
        this.conversationId = conversationId;
    }

    /** @param turn a turn whose first event is about to go out */
    void announce(Turn turn) {
        if (!turn.announced) {
            turn.announced = true;
            sink.onTurnStarted(List.copyOf(turn.ids), turn.ids.size());
        }
    }

    /**
     * @param turn the turn the events belong to
     * @param events its events, in order (announcing it first)
     */
    void emit(Turn turn, List<SessionEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        announce(turn);
        events.forEach(sink::onEvent);
    }

    /** @param turn a turn, or {@code null}: emits the message it is assembling, if any */
    void flushMessages(Turn turn) {
        if (turn != null && turn.messages.joiner().joining()) {
            List<SessionEvent> events = new ArrayList<>(1);
            turn.messages.flush(events);
            emit(turn, events);
        }
    }

    /**
     * Ends a finished turn ({@link TurnResults}).
     *
     * @param turn the turn
     * @param stopReason its stop reason
     * @param error {@code turn_finished.error}, or {@code null}
     * @param runId its last run, or {@code null}
     */
    void complete(Turn turn, String stopReason, String error, String runId) {
        announce(turn);
        TurnResults.of(turn, stopReason, error, runId, conversationId).forEach(sink::onEvent);
    }

    /**
     * Ends the running turn and the waiting messages after the socket dropped: an {@link ErrorEvent} and a failed
     * {@link Result} ({@code stream_closed}) for the turn, one more failed result for the waiting messages together.
     *
     * @param running the running turn, or {@code null}
     * @param waiting the waiting messages' client ids
     * @param message what happened
     * @param detail more, or {@code null}
     */
    void streamClosed(Turn running, List<String> waiting, String message, String detail) {
        if (running != null) {
            announce(running);
            flushMessages(running);
            sink.onEvent(new ErrorEvent(message, ErrorCode.STREAM_CLOSED, detail, null));
            sink.onEvent(Results.failure(ErrorCode.STREAM_CLOSED, message, detail, conversationId));
        }
        if (!waiting.isEmpty()) {
            sink.onTurnStarted(List.copyOf(waiting), waiting.size());
            sink.onEvent(Results.failure(ErrorCode.STREAM_CLOSED, message, detail, conversationId));
        }
    }

    /** @param waiting withdrawn messages' client ids: they end together as one interrupted turn */
    void withdrawn(List<String> waiting) {
        if (!waiting.isEmpty()) {
            sink.onTurnStarted(List.copyOf(waiting), waiting.size());
            sink.onEvent(Results.interrupted(ErrorCode.INTERRUPTED, null, conversationId));
        }
    }

    /** @param event an event of no particular turn (a queue snapshot) */
    void event(SessionEvent event) {
        sink.onEvent(event);
    }

    /** @param request a tool call waiting for the engine's decision */
    void permissionRequest(ToolPermissionRequest request) {
        sink.onPermissionRequest(request);
    }
}

package ai.letta.code.transport.remote.internal;

import ai.letta.code.api.event.ErrorCode;
import ai.letta.code.api.event.ErrorEvent;
import ai.letta.code.api.event.QueueUpdate;
import ai.letta.code.api.event.QueuedMessage;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.api.event.StopReason;
import ai.letta.code.api.port.SessionSink;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * The turn bookkeeping of one session: which sent messages a server turn covers, and what the turn streams, ending
 * each turn with exactly one {@link Result}. A turn starts when the server says so: {@code input_accepted} with
 * {@code disposition:"started"}, or, for queued inputs, the {@code user_message} echo / {@code update_queue}
 * {@code removed:[{disposition:"dequeued"}]} (several inputs dequeued together form one turn, announced with
 * {@link SessionSink#onTurnStarted}). Frames of a turn nobody here is waiting for (one that ran on while the socket
 * was down) are dropped. Not thread-safe: every method runs on the connection's event loop.
 */
final class TurnStream {

    /** What the stream asks of its session. */
    interface Peer {
        /** The server runs a turn this session abandoned (after a reconnect): interrupt it. */
        void abortOrphanTurn();

        /** @param queueItemId a queued input this session already failed: take it out of the server's queue */
        void removeAbandoned(String queueItemId);
    }

    private static final Set<String> SUCCESS = Set.of("end_turn", "tool_rule", "requires_approval");

    private final SessionSink sink;
    private final FrameCodec codec;
    private final String conversationId;
    private final boolean partials;
    private final ScheduledExecutorService loop;
    private final Duration lateErrorWait;
    private final Peer peer;
    private final Set<String> unstarted = new LinkedHashSet<>();
    private final Deque<Turn> turns = new ArrayDeque<>();
    private final Set<String> abandoned = new HashSet<>();
    private List<QueuedMessage> lastQueue = List.of();
    private Finished waitingForError;

    TurnStream(SessionSink sink, FrameCodec codec, String conversationId, boolean partials,
            ScheduledExecutorService loop, Duration lateErrorWait, Peer peer) {
        this.sink = sink;
        this.codec = codec;
        this.conversationId = conversationId;
        this.partials = partials;
        this.loop = loop;
        this.lateErrorWait = lateErrorWait;
        this.peer = peer;
    }

    /** @param clientMessageId a message about to be sent: its turn is expected */
    void expect(String clientMessageId) {
        unstarted.add(clientMessageId);
    }

    /** @param clientMessageId a message the server refused or never acknowledged: no turn will come */
    void forget(String clientMessageId) {
        unstarted.remove(clientMessageId);
    }

    /** @return whether a turn runs or a sent message waits for one */
    boolean busy() {
        return !turns.isEmpty() || !unstarted.isEmpty() || waitingForError != null;
    }

    /**
     * @param idOrClientMessageId a queue item id or a client message id
     * @return the server's queue item id, or {@code null} if not queued
     */
    String queueItemId(String idOrClientMessageId) {
        for (QueuedMessage item : lastQueue) {
            if (idOrClientMessageId.equals(item.id()) || idOrClientMessageId.equals(item.clientMessageId())) {
                return item.id();
            }
        }
        return null;
    }

    /**
     * @param clientMessageId the input that was accepted
     * @param disposition {@code started} or {@code queued}
     */
    void onInputAccepted(String clientMessageId, String disposition) {
        if ("started".equals(disposition) && unstarted.remove(clientMessageId)) {
            turns.add(new Turn(false, clientMessageId));
        }
    }

    /** @param frame a runtime event for this session */
    void onFrame(ServerFrame frame) {
        switch (frame.type()) {
            case "stream_delta" -> onDelta(frame.json().get("delta"));
            case "turn_finished" -> onTurnFinished(frame);
            case "control_request" -> onControlRequest(frame);
            case "update_queue" -> onQueue(frame.json());
            default -> { } // loop/device/subagent snapshots: the server's state, not session events
        }
    }

    /**
     * Ends what is in flight: the running turn gets an {@link ErrorEvent} and a failed {@link Result}
     * ({@code stream_closed}); messages still waiting are failed together as one announced turn.
     *
     * @param message what happened
     * @param detail more, or {@code null}
     */
    void connectionLost(String message, String detail) {
        flushWaitingForError();
        Turn first = current(true);
        if (first == null) {
            return;
        }
        turns.removeFirst();
        List<SessionEvent> events = new ArrayList<>();
        first.messages.flush(events);
        announce(first);
        emit(first, events);
        sink.onEvent(new ErrorEvent(message, ErrorCode.STREAM_CLOSED, detail, null));
        sink.onEvent(Result.failure(ErrorCode.STREAM_CLOSED, message, detail, conversationId));
        List<String> rest = new ArrayList<>();
        turns.forEach(t -> rest.addAll(t.ids));
        rest.addAll(unstarted);
        turns.clear();
        unstarted.clear();
        if (!rest.isEmpty()) {
            abandoned.addAll(rest);
            sink.onTurnStarted(List.copyOf(rest), rest.size());
            sink.onEvent(Result.failure(ErrorCode.STREAM_CLOSED, message, detail, conversationId));
        }
    }

    private void onDelta(JsonNode raw) {
        if (raw == null || !raw.isObject()) {
            return;
        }
        WireDelta delta = codec.read(raw, WireDelta.class);
        String kind = delta.kind();
        if (kind.equals("user_message") && delta.otid() != null && unstarted.remove(delta.otid())) {
            dequeued(delta.otid());
            return;
        }
        if (kind.equals("loop_error") || kind.equals("error_message") && !Boolean.TRUE.equals(delta.retryable())) {
            recordError(delta);
            return;
        }
        if (!MessageAssembler.carriesContent(kind)) {
            return;
        }
        flushWaitingForError();
        Turn turn = current(true);
        if (turn == null) {
            peer.abortOrphanTurn();
            return;
        }
        emit(turn, turn.messages.accept(delta, raw));
    }

    private void recordError(WireDelta delta) {
        Turn turn = waitingForError != null ? waitingForError.turn : current(false);
        if (turn == null) {
            return;
        }
        if (turn.errorMessage == null) {
            turn.errorMessage = delta.message();
            JsonNode detail = delta.apiError() != null ? delta.apiError() : delta.detail();
            turn.errorDetail = Json.text(detail);
        }
        if (waitingForError != null) {
            flushWaitingForError();
        }
    }

    private void onTurnFinished(ServerFrame frame) {
        flushWaitingForError();
        Turn turn = current(true);
        if (turn == null) {
            return;
        }
        turns.removeFirst();
        String stopReason = frame.string("stop_reason");
        Finished finished = new Finished(turn, stopReason == null ? "error" : stopReason, frame.string("error"),
                frame.string("run_id"));
        List<SessionEvent> events = new ArrayList<>();
        turn.messages.flush(events);
        emit(turn, events);
        if (SUCCESS.contains(finished.stopReason) || finished.stopReason.equals("cancelled")
                || turn.errorMessage != null) {
            complete(finished);
        } else {
            // The terminal loop_error may follow turn_finished (spec §4.3, §5): wait briefly for its detail.
            waitingForError = finished;
            loop.schedule(() -> {
                if (waitingForError == finished) {
                    flushWaitingForError();
                }
            }, lateErrorWait.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void onControlRequest(ServerFrame frame) {
        JsonNode request = frame.json().get("request");
        if (request == null || !request.isObject()) {
            return;
        }
        WireControlRequest wire = codec.read(request, WireControlRequest.class);
        if (!"can_use_tool".equals(wire.subtype()) || frame.requestId() == null || wire.toolName() == null) {
            return;
        }
        flushWaitingForError();
        Turn turn = current(true);
        if (turn == null) {
            peer.abortOrphanTurn();
            return;
        }
        List<SessionEvent> events = new ArrayList<>();
        turn.messages.flush(events);
        emit(turn, events);
        announce(turn);
        sink.onPermissionRequest(DomainMapping.permissionRequest(frame.requestId(), wire, codec));
    }

    private void onQueue(JsonNode json) {
        for (JsonNode node : iterable(json.get("removed"))) {
            WireQueueItem removed = codec.read(node, WireQueueItem.class);
            String id = removed.clientMessageId();
            if (id != null && "dequeued".equals(removed.disposition()) && unstarted.remove(id)) {
                dequeued(id);
            } else if (id != null && "cancelled".equals(removed.disposition())) {
                unstarted.remove(id);
            }
        }
        List<QueuedMessage> queue = new ArrayList<>();
        for (JsonNode node : iterable(json.get("queue"))) {
            WireQueueItem item = codec.read(node, WireQueueItem.class);
            queue.add(new QueuedMessage(item.id(), item.clientMessageId(), item.kind(), item.source(),
                    item.content() == null ? null : Json.content(item.content())));
            if (item.clientMessageId() != null && item.id() != null && abandoned.remove(item.clientMessageId())) {
                peer.removeAbandoned(item.id());
            }
        }
        if (!queue.equals(lastQueue)) {
            lastQueue = List.copyOf(queue);
            sink.onEvent(new QueueUpdate(queue));
        }
    }

    private void dequeued(String clientMessageId) {
        Turn last = turns.peekLast();
        if (last != null && last.dequeued && !last.announced) {
            last.ids.add(clientMessageId);
        } else {
            turns.add(new Turn(true, clientMessageId));
        }
    }

    /** The running turn; when the server streams one whose start was not seen, the oldest waiting message's. */
    private Turn current(boolean startIfMissing) {
        if (turns.isEmpty() && startIfMissing && !unstarted.isEmpty()) {
            String first = unstarted.iterator().next();
            unstarted.remove(first);
            turns.add(new Turn(false, first));
        }
        return turns.peekFirst();
    }

    private void emit(Turn turn, List<SessionEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        announce(turn);
        events.forEach(sink::onEvent);
    }

    private void announce(Turn turn) {
        if (!turn.announced) {
            turn.announced = true;
            sink.onTurnStarted(List.copyOf(turn.ids), turn.ids.size());
        }
    }

    private void flushWaitingForError() {
        Finished finished = waitingForError;
        waitingForError = null;
        if (finished != null) {
            complete(finished);
        }
    }

    private void complete(Finished done) {
        Turn turn = done.turn;
        announce(turn);
        List<String> runIds = new ArrayList<>(turn.messages.runIds());
        if (done.runId != null && !runIds.contains(done.runId)) {
            runIds.add(done.runId);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - turn.startedNanos);
        String text = turn.messages.resultText();
        StopReason stop = StopReason.of(done.stopReason);
        if (SUCCESS.contains(done.stopReason)) {
            sink.onEvent(new Result(Result.Status.SUCCESS, text, null, null, null, stop, took, runIds.size(),
                    conversationId, runIds));
        } else if (done.stopReason.equals("cancelled")) {
            sink.onEvent(new Result(Result.Status.INTERRUPTED, text, ErrorCode.INTERRUPTED.value(),
                    ErrorCode.INTERRUPTED, null, stop, took, runIds.size(), conversationId, runIds));
        } else {
            ErrorCode code = done.stopReason.equals("error") ? ErrorCode.ERROR : ErrorCode.of(done.stopReason);
            String error = turn.errorMessage != null ? turn.errorMessage
                    : "the turn ended with stop reason " + done.stopReason;
            String detail = done.error != null ? done.error : turn.errorDetail;
            sink.onEvent(new ErrorEvent(error, code, detail, done.runId));
            sink.onEvent(new Result(Result.Status.ERROR, text, error, code, detail, stop, took, runIds.size(),
                    conversationId, runIds));
        }
    }

    private static Iterable<JsonNode> iterable(JsonNode array) {
        return array != null && array.isArray() ? array : List.of();
    }

    private final class Turn {
        final List<String> ids = new ArrayList<>();
        final boolean dequeued;
        final MessageAssembler messages = new MessageAssembler(codec, partials);
        final long startedNanos = System.nanoTime();
        boolean announced;
        String errorMessage;
        String errorDetail;

        Turn(boolean dequeued, String firstId) {
            this.dequeued = dequeued;
            ids.add(firstId);
        }
    }

    private record Finished(Turn turn, String stopReason, String error, String runId) {
    }
}

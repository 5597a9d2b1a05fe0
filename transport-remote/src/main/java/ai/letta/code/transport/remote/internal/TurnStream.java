package ai.letta.code.transport.remote.internal;

import ai.letta.code.api.event.ErrorCode;
import ai.letta.code.api.event.ErrorEvent;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.exception.MalformedFrameException;
import ai.letta.code.core.turn.QuietFlush;
import ai.letta.code.spi.Redaction;
import ai.letta.code.spi.SessionSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * The turn bookkeeping of one session: which sent messages a server turn covers, and what the turn streams, ending
 * each turn with exactly one {@link Result}. A turn starts when the server says so: {@code input_accepted} with
 * {@code disposition:"started"}, or, for queued inputs, the {@code user_message} echo / {@code update_queue}
 * {@code removed:[{disposition:"dequeued"}]} (several inputs dequeued together form one turn, announced with
 * {@link SessionSink#onTurnStarted}).
 *
 * <p>After a dropped socket the running turn has already failed ({@code stream_closed}). What the server still runs
 * of it is handled in one of two ways: a {@code control_request} it still holds (replayed when the session
 * subscribes again) is offered to the engine again, and the turn it continues once answered is followed quietly to
 * its {@code turn_finished}; any other frame of a turn nobody here waits for is dropped and that turn aborted.
 * Not thread-safe: every method runs on the connection's event loop (the timers too).
 */
final class TurnStream {

    /** What the stream asks of its session. */
    interface Peer {
        /**
         * The server runs a turn this session abandoned (after a reconnect): interrupt it.
         *
         * @param runId the orphan's run, so the abort cannot reach a turn started since; {@code null} if unknown
         */
        void abortOrphanTurn(String runId);

        /** @param queueItemId a queued input this session already failed: take it out of the server's queue */
        void removeAbandoned(String queueItemId);

        /** @param resend a decision the server refused, for a request it has now replayed: send it again */
        void resendDecision(PendingApprovals.Resend resend);

        /**
         * @param requestId a permission request the SDK could not read: deny it, so the peer's turn goes on
         * @param message the denial's message, for the model
         */
        void denyUnreadable(String requestId, String message);
    }

    /**
     * The stream's waits.
     *
     * @param lateError how long a failed turn waits for the terminal {@code loop_error} that may follow
     *     {@code turn_finished}
     * @param quietFlush how long a joined text message waits for its next chunk before it is emitted anyway, so a
     *     model's reasoning shows while it pauses
     */
    record Timing(Duration lateError, Duration quietFlush) {
    }

    private final TurnEvents events;
    private final FrameCodec codec;
    private final ScheduledExecutorService loop;
    private final Timing timing;
    private final Peer peer;
    private final PendingApprovals approvals;
    private final QueueMirror queue;
    private final PendingTurns turns;
    private final QuietFlush quietFlush;
    private Finished waitingForError;

    TurnStream(SessionSink sink, FrameCodec codec, String conversationId, boolean partials,
            ScheduledExecutorService loop, Timing timing, Peer peer, PendingApprovals approvals) {
        this.events = new TurnEvents(sink, conversationId);
        this.codec = codec;
        this.loop = loop;
        this.timing = timing;
        this.peer = peer;
        this.approvals = approvals;
        this.queue = new QueueMirror(codec);
        this.turns = new PendingTurns(() -> new MessageAssembler(codec, partials));
        this.quietFlush = new QuietFlush((task, delay) -> loop.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS),
                timing.quietFlush());
    }

    /** @param clientMessageId a message about to be sent: its turn is expected */
    void expect(String clientMessageId) {
        turns.expect(clientMessageId);
    }

    /** @param clientMessageId a message the server refused or never acknowledged: no turn will come */
    void forget(String clientMessageId) {
        turns.forget(clientMessageId);
    }

    /**
     * @return whether one of this session's turns runs on the server (or just ended, waiting for its error detail),
     *     or a turn it recovered after a reconnect
     */
    boolean ownsRunningTurn() {
        return turns.running() != null || waitingForError != null || turns.recoveredRunning();
    }

    /** @return whether a turn runs (also one recovered after a reconnect) or a sent message waits for one */
    boolean busy() {
        return turns.any() || waitingForError != null;
    }

    /**
     * @param idOrClientMessageId a queue item id or a client message id
     * @return the server's queue item id, or {@code null} if not queued
     */
    String queueItemId(String idOrClientMessageId) {
        return queue.itemId(idOrClientMessageId);
    }

    /**
     * @param clientMessageId the input that was accepted
     * @param disposition {@code started} or {@code queued}
     */
    void onInputAccepted(String clientMessageId, String disposition) {
        if ("started".equals(disposition)) {
            turns.started(clientMessageId);
        }
    }

    /**
     * An approval is about to be answered. Outside any turn of this session it belongs to a recovered turn, which
     * the answer lets go on: its frames must not be taken for an orphan (its replay may not even have arrived yet).
     */
    void answering() {
        turns.markRecovered();
    }

    /** The server refused an answer as no longer pending: outside a turn, nothing goes on because of it. */
    void answerRefused() {
        turns.endRecovered();
    }

    /** @param message why a frame on the connection, perhaps this turn's, could not be decoded */
    void onMalformedFrame(String message) {
        events.event(new ErrorEvent(message, ErrorCode.PROTOCOL_ERROR, null, null));
    }

    /** @param frame a runtime event for this session */
    void onFrame(ServerFrame frame) {
        try {
            switch (frame.type()) {
                case "stream_delta" -> onDelta(frame);
                case "turn_finished" -> onTurnFinished(frame);
                case "control_request" -> onControlRequest(frame);
                case "update_queue" -> onQueue(frame.json());
                default -> { } // loop/device/subagent snapshots: the server's state, not session events
            }
        } catch (MalformedFrameException e) {
            // A field of the wrong type: the frame is reported and the turn goes on (issue 12 item 3).
            events.event(new ErrorEvent(e.getMessage(), ErrorCode.PROTOCOL_ERROR, null, null));
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
        quietFlush.cancel();
        Turn first = turns.current(true);
        if (first == null) {
            return;
        }
        List<String> rest = turns.abandonRest();
        turns.finishRunning();
        turns.orphan(first.messages.runIds());
        events.streamClosed(first, rest, message, detail);
    }

    /**
     * Gives up this session's waiting messages because another session's turn runs on the same conversation and
     * must not be aborted for them: they end together as one interrupted turn.
     *
     * @return the server's queue items of those messages, to remove
     */
    List<String> withdrawWaiting() {
        List<String> withdrawn = turns.abandonRest();
        List<String> items = new ArrayList<>();
        for (String id : withdrawn) {
            String item = queue.itemId(id);
            if (item != null && turns.takeAbandoned(id)) {
                items.add(item);
            }
        }
        events.withdrawn(withdrawn);
        return items;
    }

    private void onDelta(ServerFrame frame) {
        WireDelta delta = frame.delta();
        if (delta == null) {
            JsonNode raw = frame.json().get("delta");
            if (raw == null || !raw.isObject()) {
                return;
            }
            delta = codec.read(raw, WireDelta.class);
        }
        String kind = delta.kind();
        if (kind.equals("user_message") && delta.otid() != null && turns.dequeued(delta.otid())) {
            return;
        }
        if (kind.equals("loop_error") || kind.equals("error_message") && !Boolean.TRUE.equals(delta.retryable())) {
            recordError(delta);
            return;
        }
        if (kind.equals("stop_reason")) {
            // The model's step is over: whatever message it was streaming is whole.
            events.flushMessages(turns.running());
            return;
        }
        if (!MessageAssembler.carriesContent(kind)) {
            return;
        }
        flushWaitingForError();
        if (turns.recoveredRunning()) {
            return; // the recovered turn goes on; its result belongs to no stream of this session
        }
        Turn turn = turns.isOrphanRun(delta.runId()) ? null : turns.current(true);
        if (turn == null) {
            peer.abortOrphanTurn(delta.runId());
            return;
        }
        events.emit(turn, turn.messages.accept(delta, () -> frame.json().get("delta").toString()));
        quietFlush.arm(turn.messages.joiner(), () -> {
            if (turns.running() == turn) { // a finished turn is left alone
                events.flushMessages(turn);
            }
        });
    }

    private void recordError(WireDelta delta) {
        Turn turn = waitingForError != null ? waitingForError.turn : turns.running();
        if (turn == null) {
            return;
        }
        if (turn.errorMessage == null) {
            // The server's words, which may echo a request: what looks like a credential is hidden.
            turn.errorMessage = delta.message() == null ? null : Redaction.text(delta.message());
            JsonNode detail = delta.apiError() != null ? delta.apiError() : delta.detail();
            String text = Json.text(detail);
            turn.errorDetail = text == null ? null : Redaction.text(text);
        }
        if (waitingForError != null) {
            flushWaitingForError();
        }
    }

    private void onTurnFinished(ServerFrame frame) {
        flushWaitingForError();
        quietFlush.cancel();
        approvals.clear();
        if (turns.recoveredRunning()) {
            turns.endRecovered();
            return;
        }
        String runId = frame.string("run_id");
        if (turns.isOrphanRun(runId)) {
            turns.orphanFinished(runId); // the end of a turn failed here: not the next message's
            return;
        }
        Turn turn = turns.current(true);
        if (turn == null) {
            return;
        }
        turns.finishRunning();
        String stopReason = frame.string("stop_reason");
        Finished finished = new Finished(turn, stopReason == null ? "error" : stopReason, frame.string("error"),
                runId);
        events.flushMessages(turn);
        if (TurnResults.completeAtOnce(finished.stopReason, turn)) {
            events.complete(finished.turn, finished.stopReason, finished.error, finished.runId);
        } else {
            waitingForError = finished;
            loop.schedule(() -> {
                if (waitingForError == finished) {
                    flushWaitingForError();
                }
            }, timing.lateError().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void onControlRequest(ServerFrame frame) {
        JsonNode request = frame.json().get("request");
        if (request == null || !request.isObject() || !"can_use_tool".equals(Json.text(request, "subtype"))
                || frame.requestId() == null) {
            return; // not a permission request: nothing waits on an answer from this session
        }
        WireControlRequest wire = WireControlRequest.bind(request);
        if (wire == null) {
            if (!approvals.offer(frame.requestId())) {
                return; // a replay of a request already asked or denied: it gets one answer
            }
            // The peer waits for an answer it would never get: deny it, and say why, rather than hang the turn.
            events.event(new ErrorEvent("the peer asked for a permission decision without a tool name; it was "
                    + "denied", ErrorCode.PROTOCOL_ERROR, FrameCodec.quote(frame.text()), null));
            peer.denyUnreadable(frame.requestId(), "The SDK could not read this permission request (no tool name),"
                    + " so it was denied.");
            return;
        }
        flushWaitingForError();
        boolean fresh = approvals.offer(frame.requestId());
        // Never current(true): a started input is always acknowledged before its turn can ask anything, so a
        // request with no turn here belongs to a turn that failed when the socket dropped and that the server kept.
        Turn turn = turns.running();
        if (turn == null) {
            turns.markRecovered();
        } else {
            events.flushMessages(turn);
            events.announce(turn);
        }
        PendingApprovals.Resend resend = fresh ? null : approvals.takeRefused(frame.requestId());
        if (resend != null) {
            peer.resendDecision(resend);
        } else if (fresh) {
            events.permissionRequest(DomainMapping.permissionRequest(frame.requestId(), wire, codec));
        }
    }

    private void onQueue(JsonNode json) {
        QueueMirror.Change change = queue.apply(json);
        change.dequeued().forEach(turns::dequeued);
        change.cancelled().forEach(turns::forget);
        change.itemIds().forEach((clientMessageId, itemId) -> {
            if (turns.takeAbandoned(clientMessageId)) {
                peer.removeAbandoned(itemId);
            }
        });
        if (change.update() != null) {
            events.event(change.update());
        }
    }

    private void flushWaitingForError() {
        Finished finished = waitingForError;
        waitingForError = null;
        if (finished != null) {
            events.complete(finished.turn, finished.stopReason, finished.error, finished.runId);
        }
    }

    private record Finished(Turn turn, String stopReason, String error, String runId) {
    }
}

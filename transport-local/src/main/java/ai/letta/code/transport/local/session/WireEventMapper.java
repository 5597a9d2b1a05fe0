package ai.letta.code.transport.local.session;

import ai.letta.code.api.event.ErrorCode;
import ai.letta.code.api.event.ErrorEvent;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.event.Retry;
import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.api.event.StopReason;
import ai.letta.code.api.event.UnknownEvent;
import ai.letta.code.api.permission.PermissionDecision;
import ai.letta.code.api.permission.ToolPermissionRequest;
import ai.letta.code.core.turn.ChunkJoiner;
import ai.letta.code.core.turn.QuietFlush;
import ai.letta.code.core.turn.TurnEnds;
import ai.letta.code.spi.Redaction;
import ai.letta.code.spi.Results;
import ai.letta.code.spi.SessionSink;
import ai.letta.code.spi.SessionTarget;
import ai.letta.code.transport.local.wire.NdjsonCodec;
import ai.letta.code.transport.local.wire.WireMessage.ErrorLine;
import ai.letta.code.transport.local.wire.WireMessage.Message;
import ai.letta.code.transport.local.wire.WireMessage.ResultLine;
import ai.letta.code.transport.local.wire.WireMessage.WireToolCall;
import ai.letta.code.transport.local.wire.WireMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns decoded stdout lines into domain events for one session (local-stdio.md §3.2), keeping the little state
 * the mapping needs: the turn's {@link ChunkJoiner} (text chunks that share an id, each tool call and result once,
 * the result text), the last {@code error} line (its detail is back-filled into the failed {@link Result}), the
 * last stop reason, the index-to-id map of streamed tool-call deltas, and the {@link QueueModel}. Every line that
 * is no text chunk ends the message being joined.
 *
 * <p>Runs on the session's stdout reader only, and calls the sink from there (the sink only enqueues; no user code
 * runs here). Not thread-safe.
 */
final class WireEventMapper {

    private final SessionSink sink;
    private final NdjsonCodec codec;
    private final QueueModel queue;
    private final Consumer<String> replyLine;
    private final Runnable turnEnded;
    private volatile String defaultConversation;

    private final ChunkJoiner joiner;
    private ErrorLine lastError;
    private String lastStopReason;
    private final Map<Integer, String> toolCallIds = new HashMap<>();

    /**
     * @param sink where events go
     * @param codec for tool arguments
     * @param queue the queue model
     * @param replyLine writes a line to the CLI's stdin (to refuse control requests the SDK cannot serve)
     * @param partialMessages whether partial chunks are delivered as {@code PartialEvent}s too
     * @param turnEnded called after each turn's {@link Result} went to the sink
     */
    WireEventMapper(SessionSink sink, NdjsonCodec codec, QueueModel queue, Consumer<String> replyLine,
            boolean partialMessages, Runnable turnEnded) {
        this.turnEnded = turnEnded;
        this.sink = sink;
        this.codec = codec;
        this.queue = queue;
        this.replyLine = replyLine;
        this.joiner = new ChunkJoiner(partialMessages, codec::object);
    }

    /** @param decoded one stdout line */
    void accept(WireMessage.Decoded decoded) {
        WireMessage message = decoded.message();
        if (message instanceof Message m && ("assistant_message".equals(m.messageType())
                || "reasoning_message".equals(m.messageType()))) {
            join(m);
            return;
        }
        flush();
        if (message instanceof Message m) {
            onMessage(m, decoded);
        } else if (message instanceof ResultLine r) {
            sink.onEvent(result(r));
            resetTurn();
            turnEnded.run();
        } else if (message instanceof ErrorLine e) {
            lastError = e;
            sink.onEvent(new ErrorEvent(redacted(e.message()), TurnEnds.errorCode(e.stopReason()), redacted(e.detail()), e.runId()));
        } else if (message instanceof WireMessage.RetryLine r) {
            sink.onEvent(new Retry(r.reason(), r.attempt(), r.maxAttempts(), Duration.ofMillis(r.delayMs()),
                    r.runId()));
        } else if (message instanceof WireMessage.QueueEnqueued q) {
            queue.enqueued(q).ifPresent(sink::onEvent);
        } else if (message instanceof WireMessage.QueueDequeued q) {
            QueueModel.Dequeued batch = queue.dequeued(q);
            sink.onTurnStarted(batch.clientMessageIds(), Math.max(q.mergedCount(), 1));
            batch.update().ifPresent(sink::onEvent);
        } else if (message instanceof WireMessage.QueueDropped q) {
            queue.dropped(q).ifPresent(sink::onEvent);
        } else if (message instanceof WireMessage.QueueCleared q) {
            queue.cleared(q).ifPresent(sink::onEvent);
        } else if (message instanceof WireMessage.ControlRequest r) {
            onControlRequest(r, decoded);
        } else if (message instanceof WireMessage.Unknown u) {
            sink.onEvent(new UnknownEvent(u.type(), u.json()));
        }
        // queue_blocked is informational, control responses belong to the request that awaits them, a second
        // system/init is handled by the handshake, malformed lines are dropped as the upstream SDK does.
    }

    /**
     * Ends the running turn as the CLI would after an interrupt, for a CLI process that could not end it itself and
     * was replaced: the message being joined, then an interrupted {@link Result} carrying it.
     *
     * @param conversationId the session's conversation
     */
    void endInterrupted(String conversationId) {
        flush();
        sink.onEvent(Results.interrupted(ErrorCode.INTERRUPTED, joiner.resultText(), conversationId));
        resetTurn();
    }

    private void resetTurn() {
        joiner.reset();
        lastError = null;
        lastStopReason = null;
        toolCallIds.clear();
    }

    /**
     * @param resolvedId what results report instead of the CLI's {@code default} alias (the agent id, which
     *     {@code resumeSession(id)} maps back to the same conversation)
     */
    void reportDefaultConversationAs(String resolvedId) {
        this.defaultConversation = resolvedId;
    }

    private String conversation(String wireId) {
        return SessionTarget.reportedConversationId(defaultConversation, wireId);
    }

    /**
     * Arms {@code quiet} for the message being joined, if any: after each line.
     *
     * @param quiet the session's quiet flush, whose timer runs under the sink's lock as this mapper does
     */
    void armQuietFlush(QuietFlush quiet) {
        quiet.arm(joiner, this::flush);
    }

    /** Emits the message being joined, if any: before any other event, and before the turn's result. */
    void flush() {
        if (!joiner.joining()) {
            return; // most lines end no message: no list for them
        }
        List<SessionEvent> out = new ArrayList<>(1);
        joiner.flush(out);
        out.forEach(sink::onEvent);
    }

    private void join(Message m) {
        List<SessionEvent> out = new ArrayList<>(2);
        joiner.text("assistant_message".equals(m.messageType()) ? ChunkJoiner.Text.ASSISTANT
                : ChunkJoiner.Text.REASONING, m.id(), m.text(), m.runId(), m.partial(), out);
        out.forEach(sink::onEvent);
    }

    private void onMessage(Message m, WireMessage.Decoded decoded) {
        String type = m.messageType() == null ? "" : m.messageType();
        switch (type) {
            case "tool_call_message", "approval_request_message" -> {
                for (WireToolCall call : m.toolCalls()) {
                    toolCall(call, m.runId());
                }
            }
            case "tool_return_message" -> {
                List<SessionEvent> out = new ArrayList<>(1);
                joiner.toolResult(m.toolCallId(), m.toolReturn(), "error".equals(m.status()), m.runId(), out);
                out.forEach(sink::onEvent);
            }
            case "stop_reason" -> lastStopReason = m.stopReason();
            case "usage_statistics" -> { }
            default -> sink.onEvent(new UnknownEvent(type.isEmpty() ? "message" : type,
                    decoded.tree() == null ? "" : decoded.tree().toString()));
        }
    }

    private void toolCall(WireToolCall call, String runId) {
        String id = call.id();
        if (id != null && call.index() >= 0) {
            toolCallIds.put(call.index(), id);
        } else if (id == null && call.index() >= 0) {
            id = toolCallIds.get(call.index());
        }
        if (id == null) {
            sink.onEvent(new ErrorEvent("a tool call arrived without an id", ErrorCode.PROTOCOL_ERROR,
                    "tool " + call.name() + ", arguments " + call.arguments(), runId));
            return;
        }
        if (call.name() != null) {
            List<SessionEvent> out = new ArrayList<>(1);
            joiner.toolCall(id, call.name(), call.arguments(), runId, out);
            out.forEach(sink::onEvent);
        }
    }

    private void onControlRequest(WireMessage.ControlRequest r, WireMessage.Decoded decoded) {
        if ("can_use_tool".equals(r.subtype()) && r.requestId() != null
                && (r.requestId().isBlank() || r.toolName() == null || r.toolName().isBlank())) {
            // Nobody can decide on a tool without a name (or answer a request without an id); the CLI waits for
            // an answer, so it hears a denial.
            sink.onEvent(new ErrorEvent("the CLI asked permission for a tool without a name or request id; it was"
                    + " denied", ErrorCode.PROTOCOL_ERROR, "request \"" + r.requestId() + "\"", null));
            replyLine.accept(codec.permissionAnswer(r.requestId(),
                    PermissionDecision.deny("the SDK could not read this permission request (no tool name)")));
            return;
        }
        if ("can_use_tool".equals(r.subtype()) && r.requestId() != null) {
            sink.onPermissionRequest(ToolPermissionRequest.of(r.requestId(), r.toolCallId(), r.toolName(),
                    r.input(), r.suggestions(), r.blockedPath()));
            return;
        }
        // The CLI blocks until it gets an answer; refuse what this SDK cannot serve (e.g. execute_external_tool,
        // as no external tools are registered) instead of hanging the turn.
        if (r.requestId() != null) {
            replyLine.accept(codec.write(Map.of("type", "control_response", "response", Map.of("subtype", "error",
                    "request_id", r.requestId(), "error", "Unsupported control request subtype: " + r.subtype()))));
        }
        sink.onEvent(new UnknownEvent("control_request/" + r.subtype(),
                decoded.tree() == null ? "" : decoded.tree().toString()));
    }

    private Result result(ResultLine r) {
        TurnEnds.Turn turn = new TurnEnds.Turn(r.result(), Duration.ofMillis(r.durationMs()), r.numTurns(),
                conversation(r.conversationId()), r.runIds());
        String stop = r.stopReason() != null ? r.stopReason() : lastStopReason;
        if ("success".equals(r.subtype())) {
            return TurnEnds.success(turn, stop == null ? StopReason.END_TURN : StopReason.of(stop));
        }
        if ("interrupted".equals(r.subtype())) {
            return TurnEnds.interrupted(turn);
        }
        ErrorCode code = approvalConflict(stop) ? ErrorCode.APPROVAL_CONFLICT
                : TurnEnds.errorCode(lastError != null && lastError.stopReason() != null ? lastError.stopReason()
                        : stop);
        String error = lastError != null && lastError.message() != null ? lastError.message()
                : r.subtype() == null ? "error" : r.subtype();
        String detail = lastError == null ? null : lastError.detail() != null ? lastError.detail()
                : lastError.message();
        return TurnEnds.failed(turn, stop == null ? StopReason.ERROR : StopReason.of(stop), code, redacted(error),
                redacted(detail));
    }

    /** The CLI's (or its provider's) error words may echo a request: what looks like a credential is hidden. */
    private static String redacted(String text) {
        return text == null ? null : Redaction.text(text);
    }

    private boolean approvalConflict(String stop) {
        String message = lastError == null || lastError.message() == null ? "" : lastError.message();
        return "requires_approval".equals(stop) || message.contains("waiting for approval");
    }
}

package ai.letta.code.transport.remote.internal;

import ai.letta.code.api.event.Retry;
import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.api.event.UnknownEvent;
import ai.letta.code.core.turn.ChunkJoiner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Decodes the {@code stream_delta}s of one turn (spec §2.3, §6.11) into the calls of its {@link ChunkJoiner}, which
 * joins chunks sharing a message id into one event, emits each tool call and tool result once per
 * {@code tool_call_id} (the server reports client-side tool returns twice, and a Letta API message carries both
 * {@code tool_calls} and {@code tool_call}) and chooses the result text. A retry or a message type the SDK does not
 * know ({@link UnknownEvent}) ends the message being joined; lifecycle deltas the SDK has no event for are dropped
 * without ending it. Also keeps the run ids the turn went through. Not thread-safe: used on the event loop only.
 */
final class MessageAssembler {

    /** Deltas that carry nothing a session event needs. */
    private static final Set<String> IGNORED = Set.of("usage_statistics", "stop_reason", "hidden_reasoning_message",
            "approval_classification_end", "client_tool_start", "client_tool_end", "command_start", "command_end",
            "slash_command_start", "slash_command_end", "status", "event_message", "user_message", "system_message",
            "loop_error", "error_message");

    /**
     * @param kind a delta's kind
     * @return whether it carries something a session event is made of (so it belongs to a turn)
     */
    static boolean carriesContent(String kind) {
        return !IGNORED.contains(kind);
    }

    private final ChunkJoiner joiner;
    private final Set<String> runIds = new LinkedHashSet<>();

    MessageAssembler(FrameCodec codec, boolean partials) {
        this.joiner = new ChunkJoiner(partials, codec::parseObject);
    }

    /**
     * @param delta one delta of the turn
     * @param raw the delta as JSON, for an {@link UnknownEvent} (asked for only then: most deltas are never re-written)
     * @return the events it completes, in order
     */
    List<SessionEvent> accept(WireDelta delta, Supplier<String> raw) {
        List<SessionEvent> out = new ArrayList<>(2);
        if (delta.runId() != null) {
            runIds.add(delta.runId());
        }
        String kind = delta.kind();
        switch (kind) {
            case "assistant_message" -> joiner.text(ChunkJoiner.Text.ASSISTANT, delta.id(),
                    delta.contentText(), delta.runId(), true, out);
            case "reasoning_message" -> joiner.text(ChunkJoiner.Text.REASONING, delta.id(),
                    delta.reasoning() != null ? delta.reasoning() : delta.contentText(), delta.runId(), true,
                    out);
            case "tool_call_message", "approval_request_message" -> toolCalls(out, delta);
            case "tool_return_message" -> joiner.toolResult(delta.toolCallId(), Json.text(delta.toolReturn()),
                    "error".equals(delta.status()), delta.runId(), out);
            case "retry" -> {
                joiner.flush(out);
                out.add(new Retry(delta.reason() != null ? delta.reason() : delta.message(),
                        delta.attempt() == null ? 0 : delta.attempt(),
                        delta.maxAttempts() == null ? 0 : delta.maxAttempts(),
                        delta.delayMs() == null ? Duration.ZERO : Duration.ofMillis(delta.delayMs()), delta.runId()));
            }
            default -> {
                if (!IGNORED.contains(kind)) {
                    joiner.flush(out);
                    out.add(new UnknownEvent(kind.isEmpty() ? "stream_delta" : kind, raw.get()));
                }
            }
        }
        return out;
    }

    /** @param out receives the message being assembled, if any */
    void flush(List<SessionEvent> out) {
        joiner.flush(out);
    }

    /** @return what joins this turn's chunks (the quiet flush watches it) */
    ChunkJoiner joiner() {
        return joiner;
    }

    /** @return the turn's result text ({@link ChunkJoiner#resultText()}), or {@code null} */
    String resultText() {
        return joiner.resultText();
    }

    /** @return the run ids seen in this turn, in order */
    List<String> runIds() {
        return List.copyOf(runIds);
    }

    private void toolCalls(List<SessionEvent> out, WireDelta delta) {
        // A Letta API message carries both `tool_calls` and the deprecated `tool_call`, a copy of its first entry
        // (verified: the app server in API mode relays both); the local backend sends only `tool_call`.
        List<JsonNode> calls = new ArrayList<>(1);
        if (delta.toolCalls() != null && delta.toolCalls().isArray() && !delta.toolCalls().isEmpty()) {
            delta.toolCalls().forEach(calls::add);
        } else if (delta.toolCall() != null && delta.toolCall().isObject()) {
            calls.add(delta.toolCall());
        }
        for (JsonNode call : calls) {
            String id = Json.text(call, "tool_call_id");
            if (id != null) {
                joiner.toolCallChunk(id, Json.text(call, "name"), Json.text(call, "arguments"), delta.runId(),
                        delta.kind(), out);
            }
        }
    }
}

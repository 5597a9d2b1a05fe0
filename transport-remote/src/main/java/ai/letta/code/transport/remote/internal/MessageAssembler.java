package ai.letta.code.transport.remote.internal;

import ai.letta.code.api.event.AssistantMessage;
import ai.letta.code.api.event.PartialEvent;
import ai.letta.code.api.event.Reasoning;
import ai.letta.code.api.event.Retry;
import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.api.event.ToolCall;
import ai.letta.code.api.event.ToolResult;
import ai.letta.code.api.event.UnknownEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Turns the {@code stream_delta}s of one turn into domain events (spec §2.3, §6.11): chunks sharing a message id are
 * joined into one {@link AssistantMessage} / {@link Reasoning} / {@link ToolCall} (emitted when the next message
 * starts, the model's step ends, the turn ends, or, for text, when the stream was quiet a while: see
 * {@link #openTextQuietNanos()}; with partial messages on, each chunk is also a {@link PartialEvent}); each tool call
 * and each tool result is emitted once per {@code tool_call_id} (the server reports client-side tool returns twice).
 * A text message continued after a quiet flush arrives as a second event with the same id and the rest of the text;
 * the turn's result text is still the whole message.
 * Lifecycle deltas the SDK has no event for are dropped; message types it does not know become
 * {@link UnknownEvent}s. Not thread-safe: used on the event loop only.
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

    private final FrameCodec codec;
    private final boolean partials;
    private final Set<String> emittedToolCalls = new HashSet<>();
    private final Set<String> emittedToolResults = new HashSet<>();
    private final Set<String> runIds = new LinkedHashSet<>();
    private final Map<String, StringBuilder> assistantTexts = new HashMap<>();
    private Open open;
    private long lastChunkNanos;
    private String lastText;
    private String lastOutput;

    MessageAssembler(FrameCodec codec, boolean partials) {
        this.codec = codec;
        this.partials = partials;
    }

    /**
     * @param delta one delta of the turn
     * @param raw the delta as sent, for an {@link UnknownEvent}
     * @return the events it completes, in order
     */
    List<SessionEvent> accept(WireDelta delta, JsonNode raw) {
        List<SessionEvent> out = new ArrayList<>();
        if (delta.runId() != null) {
            runIds.add(delta.runId());
        }
        String kind = delta.kind();
        switch (kind) {
            case "assistant_message" -> append(out, Kind.ASSISTANT, delta.id(), Json.content(delta.content()), delta);
            case "reasoning_message" -> append(out, Kind.REASONING, delta.id(),
                    delta.reasoning() != null ? delta.reasoning() : Json.content(delta.content()), delta);
            case "tool_call_message", "approval_request_message" -> toolCalls(out, delta);
            case "tool_return_message" -> toolReturn(out, delta);
            case "retry" -> {
                flush(out);
                out.add(new Retry(delta.reason() != null ? delta.reason() : delta.message(),
                        delta.attempt() == null ? 0 : delta.attempt(),
                        delta.maxAttempts() == null ? 0 : delta.maxAttempts(),
                        delta.delayMs() == null ? Duration.ZERO : Duration.ofMillis(delta.delayMs()), delta.runId()));
            }
            default -> {
                if (!IGNORED.contains(kind)) {
                    flush(out);
                    out.add(new UnknownEvent(kind.isEmpty() ? "stream_delta" : kind, raw.toString()));
                }
            }
        }
        return out;
    }

    /** @param out receives the message being assembled, if any */
    void flush(List<SessionEvent> out) {
        Open done = open;
        open = null;
        if (done == null) {
            return;
        }
        String text = done.text.toString();
        switch (done.kind) {
            case ASSISTANT -> {
                lastText = assistantTexts.get(done.id).toString();
                out.add(new AssistantMessage(done.id, text, done.runId));
            }
            case REASONING -> {
                lastOutput = lastOutput == null ? text : lastOutput;
                out.add(new Reasoning(done.id, text, done.runId));
            }
            case TOOL_CALL -> {
                if (emittedToolCalls.add(done.id)) {
                    Map<String, Object> input = codec.parseObject(text);
                    out.add(new ToolCall(done.id, done.toolName, input == null ? Map.of("raw", text) : input, text,
                            done.runId));
                }
            }
        }
    }

    /**
     * @return how long the open assistant or reasoning message has had no new chunk, or -1 when none is open (a tool
     *     call is never flushed for quiet: its arguments must be whole)
     */
    long openTextQuietNanos() {
        return open == null || open.kind == Kind.TOOL_CALL ? -1 : System.nanoTime() - lastChunkNanos;
    }

    /** @return the turn's last assistant text, else its last tool output or reasoning, else {@code null} */
    String resultText() {
        return lastText != null ? lastText : lastOutput;
    }

    /** @return the run ids seen in this turn, in order */
    List<String> runIds() {
        return List.copyOf(runIds);
    }

    private void append(List<SessionEvent> out, Kind kind, String id, String chunk, WireDelta delta) {
        String key = id == null ? "" : id;
        if (open == null || open.kind != kind || !open.id.equals(key)) {
            flush(out);
            open = new Open(kind, key, delta.runId(), null);
        }
        open.text.append(chunk);
        lastChunkNanos = System.nanoTime();
        if (kind == Kind.ASSISTANT) {
            assistantTexts.computeIfAbsent(key, k -> new StringBuilder()).append(chunk);
        }
        if (partials && !chunk.isEmpty()) {
            out.add(new PartialEvent(kind == Kind.ASSISTANT ? "assistant" : "reasoning", chunk, id, delta.runId()));
        }
    }

    private void toolCalls(List<SessionEvent> out, WireDelta delta) {
        // A Letta API message carries both `tool_calls` and the deprecated `tool_call`, a copy of its first entry
        // (verified: the app server in API mode relays both); the local backend sends only `tool_call`.
        List<JsonNode> calls = new ArrayList<>();
        if (delta.toolCalls() != null && delta.toolCalls().isArray() && !delta.toolCalls().isEmpty()) {
            delta.toolCalls().forEach(calls::add);
        } else if (delta.toolCall() != null && delta.toolCall().isObject()) {
            calls.add(delta.toolCall());
        }
        for (JsonNode call : calls) {
            String id = Json.text(call, "tool_call_id");
            String name = Json.text(call, "name");
            String arguments = Json.text(call, "arguments");
            if (id == null || emittedToolCalls.contains(id)) {
                continue;
            }
            if (open == null || open.kind != Kind.TOOL_CALL || !open.id.equals(id)) {
                flush(out);
                open = new Open(Kind.TOOL_CALL, id, delta.runId(), name);
            } else if (open.toolName == null) {
                open.toolName = name;
            }
            open.text.append(arguments == null ? "" : arguments);
            if (partials && arguments != null && !arguments.isEmpty()) {
                out.add(new PartialEvent(delta.kind(), arguments, id, delta.runId()));
            }
        }
    }

    private void toolReturn(List<SessionEvent> out, WireDelta delta) {
        flush(out);
        String id = delta.toolCallId();
        if (id != null && !emittedToolResults.add(id)) {
            return;
        }
        String output = Json.text(delta.toolReturn());
        lastOutput = output;
        out.add(new ToolResult(id, output, "error".equals(delta.status()), delta.runId()));
    }

    private enum Kind { ASSISTANT, REASONING, TOOL_CALL }

    private static final class Open {
        final Kind kind;
        final String id;
        final String runId;
        final StringBuilder text = new StringBuilder();
        String toolName;

        Open(Kind kind, String id, String runId, String toolName) {
            this.kind = kind;
            this.id = id;
            this.runId = runId;
            this.toolName = toolName;
        }
    }
}

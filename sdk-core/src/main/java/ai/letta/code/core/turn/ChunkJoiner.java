package ai.letta.code.core.turn;

import ai.letta.code.api.event.AssistantMessage;
import ai.letta.code.api.event.PartialEvent;
import ai.letta.code.api.event.Reasoning;
import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.api.event.ToolCall;
import ai.letta.code.api.event.ToolResult;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns one turn's decoded chunks into session events: chunks of one message (same kind, same id) are joined into
 * one {@link AssistantMessage}, {@link Reasoning} or {@link ToolCall}, emitted when another message starts, when the
 * transport calls {@link #flush} (its model step or turn ended), or for text when the stream was quiet a while
 * ({@link QuietFlush}); a text message continued after that arrives as a second event with the same id and the rest
 * of the text. With partial messages on, each non-empty chunk is also a {@link PartialEvent}. Each tool call and each
 * tool result is emitted once per tool call id (peers repeat them: a Letta API message carries {@code tool_calls}
 * and a copy in {@code tool_call}, a client-side tool return is reported twice). What it sees also chooses the
 * turn's {@link #resultText()}.
 *
 * <p>One per turn (or {@link #reset} between turns). Not thread-safe: the transport calls it from its serial context.
 */
public final class ChunkJoiner {

    /** What a text chunk belongs to. */
    public enum Text {
        /** An assistant message: {@link AssistantMessage}, partial kind {@code assistant}. */
        ASSISTANT,
        /** A reasoning message: {@link Reasoning}, partial kind {@code reasoning}. */
        REASONING
    }

    private final boolean partials;
    private final Function<String, Map<String, Object>> arguments;
    private Set<String> toolCalls = new HashSet<>();
    private Set<String> toolResults = new HashSet<>();
    private ResultText result = new ResultText();
    private Open open;
    private long lastChunkNanos;

    /**
     * @param partials whether chunks are also delivered as {@link PartialEvent}s
     * @param arguments reads a tool call's arguments (a JSON object as text) into plain Java values, or returns
     *     {@code null} when they are not an object (partial or invalid); the call then carries {@code {raw: <text>}}
     */
    public ChunkJoiner(boolean partials, Function<String, Map<String, Object>> arguments) {
        this.partials = partials;
        this.arguments = Objects.requireNonNull(arguments, "arguments");
    }

    /**
     * A chunk of an assistant or reasoning message.
     *
     * @param kind which
     * @param id the message's id, or {@code null} (then it joins the open message of its kind without an id)
     * @param chunk the text
     * @param runId the run, or {@code null}
     * @param partial whether the peer streamed it as a chunk (a whole message is no {@link PartialEvent})
     * @param out receives the events it completes, in order
     */
    public void text(Text kind, String id, String chunk, String runId, boolean partial, List<SessionEvent> out) {
        String text = chunk == null ? "" : chunk;
        Kind joined = kind == Text.ASSISTANT ? Kind.ASSISTANT : Kind.REASONING;
        if (open == null || open.kind != joined || !Objects.equals(open.id, id)) {
            flush(out);
            open = new Open(joined, id, runId, null);
        }
        open.text.append(text);
        lastChunkNanos = System.nanoTime();
        if (kind == Text.ASSISTANT) {
            result.assistant(id, text);
        } else {
            result.reasoning(id, text);
        }
        if (partials && partial && !text.isEmpty()) {
            out.add(new PartialEvent(kind == Text.ASSISTANT ? "assistant" : "reasoning", text, id, runId));
        }
    }

    /**
     * A chunk of a tool call's arguments, joined with the others of its id (a call already emitted is ignored).
     *
     * @param id the tool call id
     * @param name the tool, when this chunk names it
     * @param argumentsChunk a piece of its arguments, or {@code null}
     * @param runId the run, or {@code null}
     * @param partialKind the {@link PartialEvent#kind()} of the chunk (the peer's message type)
     * @param out receives the events it completes, in order
     */
    public void toolCallChunk(String id, String name, String argumentsChunk, String runId, String partialKind,
            List<SessionEvent> out) {
        Objects.requireNonNull(id, "id");
        if (toolCalls.contains(id)) {
            return;
        }
        if (open == null || open.kind != Kind.TOOL_CALL || !open.id.equals(id)) {
            flush(out);
            open = new Open(Kind.TOOL_CALL, id, runId, name);
        } else if (open.toolName == null) {
            open.toolName = name;
        }
        String chunk = argumentsChunk == null ? "" : argumentsChunk;
        open.text.append(chunk);
        if (partials && !chunk.isEmpty()) {
            out.add(new PartialEvent(partialKind, chunk, id, runId));
        }
    }

    /**
     * A whole tool call, as a peer sends it when it does not stream the arguments: emitted now, unless its id was.
     *
     * @param id the tool call id
     * @param name the tool
     * @param rawArguments its arguments as sent
     * @param runId the run, or {@code null}
     * @param out receives the events it completes, in order
     */
    public void toolCall(String id, String name, String rawArguments, String runId, List<SessionEvent> out) {
        flush(out);
        if (toolCalls.add(Objects.requireNonNull(id, "id"))) {
            out.add(new ToolCall(id, name, input(rawArguments), rawArguments, runId));
        }
    }

    /**
     * A tool's result: ends the open message; emitted unless its tool call id already had one.
     *
     * @param toolCallId the tool call, or {@code null} (always emitted)
     * @param output what the tool returned, or {@code null}
     * @param isError whether the tool failed
     * @param runId the run, or {@code null}
     * @param out receives the events it completes, in order
     */
    public void toolResult(String toolCallId, String output, boolean isError, String runId,
            List<SessionEvent> out) {
        flush(out);
        if (toolCallId != null && !toolResults.add(toolCallId)) {
            return;
        }
        result.toolOutput(output);
        out.add(new ToolResult(toolCallId, output, isError, runId));
    }

    /** @param out receives the message being joined, if any */
    public void flush(List<SessionEvent> out) {
        Open done = open;
        open = null;
        if (done == null) {
            return;
        }
        String text = done.text.toString();
        switch (done.kind) {
            case ASSISTANT -> out.add(new AssistantMessage(done.id, text, done.runId));
            case REASONING -> out.add(new Reasoning(done.id, text, done.runId));
            case TOOL_CALL -> {
                if (toolCalls.add(done.id)) {
                    out.add(new ToolCall(done.id, done.toolName, input(text), text, done.runId));
                }
            }
        }
    }

    /** @return whether a message is being joined (and not yet emitted) */
    public boolean joining() {
        return open != null;
    }

    /**
     * @return how long the open assistant or reasoning message has had no new chunk, or -1 when none is open (a tool
     *     call is never flushed for quiet: its arguments must be whole)
     */
    public long quietNanos() {
        return open == null || open.kind == Kind.TOOL_CALL ? -1 : System.nanoTime() - lastChunkNanos;
    }

    /** @return the turn's result text so far ({@link ResultText}), or {@code null} */
    public String resultText() {
        return result.text();
    }

    /** Forgets the turn: the next chunk starts a new one (the open message, if any, is dropped; flush first). */
    public void reset() {
        open = null;
        toolCalls = new HashSet<>();
        toolResults = new HashSet<>();
        result = new ResultText();
    }

    /** No arguments are no input; arguments that are not a JSON object are exposed raw, as the upstream SDK does. */
    private Map<String, Object> input(String raw) {
        if (raw == null || raw.isBlank()) {
            return Map.of();
        }
        Map<String, Object> input = arguments.apply(raw);
        return input != null ? input : Map.of("raw", raw);
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

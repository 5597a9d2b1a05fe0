package ai.letta.code.api.event;

/**
 * One thing that happened in a session, as the stream yields it. A closed family: switch over it.
 *
 * <pre>{@code
 * for (SessionEvent e : session.stream()) {
 *     if (e instanceof AssistantMessage m) System.out.print(m.content());
 *     else if (e instanceof Result r && !r.success())
 *         System.err.println(r.errorDetail().or(r::error).orElse("failed"));
 * }
 * }</pre>
 *
 * Events the SDK does not know arrive as {@link UnknownEvent}: a new event type from the peer never fails a turn.
 *
 * <p>A tool call yields a {@link ToolCall} then its {@link ToolResult}, also when it was denied (the result is then
 * an error carrying the denial). {@link Init} reaches only {@code SessionListener}s: it happens while the session
 * opens, before any message is sent, so no {@code stream()} (which carries the turns sent) yields it; its ids are
 * {@code Session.agentId()} and {@code Session.conversationId()}.
 */
public sealed interface SessionEvent
        permits Init, AssistantMessage, Reasoning, ToolCall, ToolResult, QueueUpdate, Result, ErrorEvent, Retry,
                PartialEvent, UnknownEvent {

    /** @return the event's kind, e.g. {@code "assistant"}; the TypeScript SDK's {@code type} field */
    String type();
}

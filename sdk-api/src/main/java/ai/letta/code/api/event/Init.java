package ai.letta.code.api.event;

import java.util.List;

/**
 * The session is ready: the peer resolved its agent and conversation. Delivered to {@code SessionListener}s only,
 * while the session opens: {@code stream()} carries the turns sent and never yields it (the same ids are
 * {@code Session.agentId()} and {@code Session.conversationId()}).
 *
 * @param agentId the agent
 * @param conversationId the conversation (never the {@code default} alias when the peer resolves it)
 * @param model the model the peer reports, or {@code null}
 * @param tools the tool names the agent has
 */
public record Init(String agentId, String conversationId, String model, List<String> tools) implements SessionEvent {
    /** Copies the tools. */
    public Init {
        tools = tools == null ? List.of() : List.copyOf(tools);
    }

    @Override
    public String type() {
        return "init";
    }
}

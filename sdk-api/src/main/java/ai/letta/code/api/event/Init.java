package ai.letta.code.api.event;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The session is ready: the peer resolved its agent and conversation. Delivered to {@code SessionListener}s only,
 * while the session opens: {@code stream()} carries the turns sent and never yields it (the same ids are
 * {@code Session.agentId()} and {@code Session.conversationId()}).
 */
public final class Init implements SessionEvent {
    private final String agentId;
    private final String conversationId;
    private final String model;
    private final List<String> tools;

    /**
     * Copies the tools.
     *
     * @param agentId the agent
     * @param conversationId the conversation (never the {@code default} alias when the peer resolves it)
     * @param model the model the peer reports, or {@code null}
     * @param tools the tool names the agent has
     */
    public Init(String agentId, String conversationId, String model, List<String> tools) {
        tools = tools == null ? List.of() : List.copyOf(tools);
        this.agentId = agentId;
        this.conversationId = conversationId;
        this.model = model;
        this.tools = tools;
    }

    @Override
    public String type() {
        return "init";
    }

    /** @return the agent */
    public String agentId() {
        return agentId;
    }

    /** @return the conversation (never the {@code default} alias when the peer resolves it) */
    public String conversationId() {
        return conversationId;
    }

    /** @return the model the peer reports, if any */
    public Optional<String> model() {
        return Optional.ofNullable(model);
    }

    /** @return the tool names the agent has */
    public List<String> tools() {
        return tools;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Init o && Objects.equals(agentId, o.agentId)
                && Objects.equals(conversationId, o.conversationId) && Objects.equals(model, o.model)
                && Objects.equals(tools, o.tools);
    }

    @Override
    public int hashCode() {
        return Objects.hash(agentId, conversationId, model, tools);
    }

    @Override
    public String toString() {
        return "Init[agentId=" + agentId + ", conversationId=" + conversationId + ", model=" + model + ", tools="
                + tools + "]";
    }
}

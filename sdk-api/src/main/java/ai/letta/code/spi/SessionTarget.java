package ai.letta.code.spi;

import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.internal.Checks;
import java.util.Optional;

/** Which conversation a session opens. */
public sealed interface SessionTarget {

    /** The prefix of every agent id. */
    String AGENT_PREFIX = "agent-";

    /** What the CLI, the app server and Letta Cloud call an agent's main conversation, which has no id of its own. */
    String DEFAULT_CONVERSATION = "default";

    /**
     * The {@code default} alias is never handed out as a conversation id: a session on an agent's main conversation
     * reports the agent id, which {@link #resume} maps back to the same conversation.
     *
     * @param agentId the session's agent, or {@code null} while unknown
     * @param conversationId a conversation id as the peer spells it, or {@code null}
     * @return the id to hand out
     */
    static String reportedConversationId(String agentId, String conversationId) {
        return DEFAULT_CONVERSATION.equals(conversationId) && agentId != null ? agentId : conversationId;
    }

    /**
     * @param agentId an agent id, or {@code null} for the backend's default agent
     * @return a new conversation
     */
    static NewConversation newConversation(String agentId) {
        return new NewConversation(agentId == null ? null : requireAgentId(agentId, "agentId"));
    }

    /**
     * @param id an agent id (its default conversation) or a conversation id
     * @return the target
     */
    static SessionTarget resume(String id) {
        Checks.requireText(id, "resumeSession id");
        return isAgentId(id) ? new AgentDefault(id.strip()) : new Existing(null, id.strip());
    }

    /**
     * @param agentId the agent
     * @param conversationId its conversation; the agent id itself names the agent's default conversation
     * @return the target
     */
    static SessionTarget existing(String agentId, String conversationId) {
        String agent = requireAgentId(agentId, "agentId");
        if (conversationId != null && conversationId.strip().equals(agent)) {
            // A backend whose default conversation has no id of its own reports the agent id for it.
            return new AgentDefault(agent);
        }
        return new Existing(agent, requireConversationId(conversationId));
    }

    /** @return the agent, when the target names it */
    Optional<String> agent();

    /**
     * @param id an id
     * @return whether it has the shape of an agent id
     */
    static boolean isAgentId(String id) {
        return id != null && id.strip().startsWith(AGENT_PREFIX);
    }

    /**
     * @param id a candidate agent id
     * @param field the field, for the message
     * @return the id, stripped
     * @throws ConfigurationException if blank or not an agent id
     */
    static String requireAgentId(String id, String field) {
        Checks.requireText(id, field);
        if (!isAgentId(id)) {
            throw new ConfigurationException(field + " must be an agent id (starting with '" + AGENT_PREFIX
                    + "'), got \"" + id + "\"; to reopen a conversation use resumeSession(conversationId)");
        }
        return id.strip();
    }

    private static String requireConversationId(String id) {
        Checks.requireText(id, "conversationId");
        if (isAgentId(id)) {
            throw new ConfigurationException("conversationId must be a conversation id, got the agent id \"" + id
                    + "\"; to open an agent's default conversation use resumeSession(agentId)");
        }
        return id.strip();
    }

    /**
     * A new conversation.
     *
     * @param agentId the agent, or {@code null} for the backend's default agent
     */
    record NewConversation(String agentId) implements SessionTarget {
        @Override
        public Optional<String> agent() {
            return Optional.ofNullable(agentId);
        }
    }

    /**
     * An existing conversation.
     *
     * @param agentId its agent, or {@code null} if the caller did not say (the transport looks it up if needed)
     * @param conversationId the conversation
     */
    record Existing(String agentId, String conversationId) implements SessionTarget {
        @Override
        public Optional<String> agent() {
            return Optional.ofNullable(agentId);
        }
    }

    /**
     * An agent's default conversation.
     *
     * @param agentId the agent
     */
    record AgentDefault(String agentId) implements SessionTarget {
        @Override
        public Optional<String> agent() {
            return Optional.of(agentId);
        }
    }
}

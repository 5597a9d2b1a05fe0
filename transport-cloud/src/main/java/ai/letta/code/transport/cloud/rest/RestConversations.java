package ai.letta.code.transport.cloud.rest;

import ai.letta.code.api.conversation.ConversationInfo;
import ai.letta.code.api.conversation.MessageRecord;
import ai.letta.code.api.conversation.Page;
import ai.letta.code.api.conversation.PageRequest;
import ai.letta.code.api.exception.AgentNotFoundException;
import ai.letta.code.api.exception.ConversationNotFoundException;
import ai.letta.code.api.exception.NotFoundException;
import ai.letta.code.api.conversation.Conversations;
import ai.letta.code.internal.Checks;
import ai.letta.code.spi.SessionTarget;
import ai.letta.code.transport.cloud.http.ApiRequest;
import ai.letta.code.transport.cloud.http.LettaHttp;

/**
 * Conversations over the Letta REST API. As on the remote backend, an agent id stands for the agent's main
 * thread: {@link #get} answers it after checking the agent exists, and {@link #messages} lists conversation
 * {@code default} with {@code agent_id}, which the server needs to resolve the alias. Messages oldest first are
 * {@link PageRequest#chronological()}. Thread-safe.
 */
public final class RestConversations implements Conversations {

    private final LettaHttp http;
    private final ControlPlane controlPlane;

    /**
     * @param http the client to send with
     * @param controlPlane creates and resolves conversations
     */
    public RestConversations(LettaHttp http, ControlPlane controlPlane) {
        this.http = Checks.requireNonNull(http, "http");
        this.controlPlane = Checks.requireNonNull(controlPlane, "controlPlane");
    }

    @Override
    public ConversationInfo create(String agentId) {
        return controlPlane.createConversation(agentId);
    }

    @Override
    public ConversationInfo get(String conversationId) {
        String id = Checks.requireText(conversationId, "conversationId").strip();
        if (!SessionTarget.isAgentId(id)) {
            return controlPlane.conversation(id);
        }
        try {
            http.send(ApiRequest.get("v1", "agents", id).build());
        } catch (NotFoundException e) {
            throw new ConversationNotFoundException("agent " + id + " (whose default conversation was asked for) is "
                    + "not known to the Letta API at " + http.baseUrl(), e);
        }
        return new ConversationInfo(id, id, null, null);
    }

    @Override
    public Page<ConversationInfo> list(String agentId, PageRequest page) {
        String agent = SessionTarget.requireAgentId(agentId, "agentId");
        Checks.requireNonNull(page, "page");
        Wire.Conversation[] answer;
        try {
            answer = http.call(RestPages.query(ApiRequest.get("v1", "conversations").trailingSlash().query("agent_id", agent),
                    page)
                    .build(), Wire.Conversation[].class);
        } catch (NotFoundException e) {
            throw new AgentNotFoundException("agent " + agent + " is not known to the Letta API at "
                    + http.baseUrl(), e);
        }
        return RestPages.of(RestPages.items(answer).stream().map(c -> WireMapping.conversation(c, agent)).toList(),
                page, ConversationInfo::id, next -> list(agent, next));
    }

    @Override
    public Page<MessageRecord> messages(String conversationId, PageRequest page) {
        String id = Checks.requireText(conversationId, "conversationId").strip();
        Checks.requireNonNull(page, "page");
        boolean agent = SessionTarget.isAgentId(id);
        ApiRequest.Builder request = ApiRequest.get("v1", "conversations",
                agent ? ControlPlane.DEFAULT_CONVERSATION : id, "messages");
        if (agent) {
            request.query("agent_id", id);
        }
        Wire.Message[] answer;
        try {
            answer = http.call(RestPages.query(request, page).build(), Wire.Message[].class);
        } catch (NotFoundException e) {
            throw new ConversationNotFoundException((agent ? "agent " : "conversation ") + id
                    + " is not known to the Letta API at " + http.baseUrl(), e);
        }
        return RestPages.of(RestPages.items(answer).stream().map(WireMapping::message).toList(), page,
                MessageRecord::id, next -> messages(id, next));
    }
}

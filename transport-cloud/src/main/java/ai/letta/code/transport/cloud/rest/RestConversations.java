package ai.letta.code.transport.cloud.rest;

import ai.letta.code.api.conversation.CompactionResult;
import ai.letta.code.api.conversation.ConversationCreate;
import ai.letta.code.api.conversation.ConversationInfo;
import ai.letta.code.api.conversation.ConversationUpdate;
import ai.letta.code.api.conversation.MessageRecord;
import ai.letta.code.api.conversation.Page;
import ai.letta.code.api.conversation.PageRequest;
import ai.letta.code.api.exception.AgentNotFoundException;
import ai.letta.code.api.exception.ConversationNotFoundException;
import ai.letta.code.api.exception.NotFoundException;
import ai.letta.code.api.exception.ProtocolException;
import ai.letta.code.api.conversation.Conversations;
import ai.letta.code.internal.Checks;
import ai.letta.code.spi.SessionTarget;
import ai.letta.code.transport.cloud.http.ApiRequest;
import ai.letta.code.transport.cloud.http.LettaHttp;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Conversations over the Letta REST API. As on the remote backend, an agent id stands for the agent's main
 * thread: {@link #get} answers it after checking the agent exists, and {@link #messages} lists conversation
 * {@code default} with {@code agent_id}, which the server needs to resolve the alias. Messages oldest first are
 * {@link PageRequest#chronological()}. Fork, cancel and compact take an agent id the same way; update and delete
 * need a conversation of its own (the server refuses to change or delete {@code default}). Thread-safe.
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
    public ConversationInfo create(String agentId, ConversationCreate options) {
        String agent = SessionTarget.requireAgentId(agentId, "agentId");
        Checks.requireNonNull(options, "options");
        Map<String, Object> body = new LinkedHashMap<>();
        options.summary().ifPresent(s -> body.put("summary", s));
        options.isolatedBlockLabels().ifPresent(labels -> body.put("isolated_block_labels", labels));
        options.model().ifPresent(m -> body.put("model", m));
        Wire.Conversation conversation;
        try {
            conversation = http.call(ApiRequest.post("v1", "conversations").trailingSlash().query("agent_id", agent)
                    .body(body).build(), Wire.Conversation.class);
        } catch (NotFoundException e) {
            throw new AgentNotFoundException("agent " + agent + " is not known to the Letta API at "
                    + http.baseUrl(), e);
        }
        return answered(conversation, agent, "POST /v1/conversations/");
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
        JsonNode[] answer;
        try {
            answer = http.call(RestPages.query(request, page).build(), JsonNode[].class);
        } catch (NotFoundException e) {
            throw new ConversationNotFoundException((agent ? "agent " : "conversation ") + id
                    + " is not known to the Letta API at " + http.baseUrl(), e);
        }
        return RestPages.of(RestPages.items(answer).stream().map(WireMapping::message).toList(), page,
                MessageRecord::id, next -> messages(id, next));
    }

    @Override
    public ConversationInfo update(String conversationId, ConversationUpdate update) {
        String id = ownConversation(conversationId);
        Checks.requireNonNull(update, "update");
        Map<String, Object> body = new LinkedHashMap<>();
        update.summary().ifPresent(s -> body.put("summary", s));
        update.model().ifPresent(m -> body.put("model", m));
        return answered(known(id, () -> http.call(ApiRequest.patch("v1", "conversations", id).body(body).build(),
                Wire.Conversation.class)), null, "PATCH /v1/conversations/" + id);
    }

    @Override
    public void delete(String conversationId) {
        String id = ownConversation(conversationId);
        known(id, () -> {
            http.send(ApiRequest.delete("v1", "conversations", id).build());
            return null;
        });
    }

    @Override
    public ConversationInfo fork(String conversationId) {
        String id = conversationOrAgent(conversationId);
        boolean agent = SessionTarget.isAgentId(id);
        ApiRequest request = ApiRequest.post("v1", "conversations", agent ? ControlPlane.DEFAULT_CONVERSATION : id,
                "fork").query("agent_id", agent ? id : null).build();
        ConversationInfo fork = answered(known(id, () -> http.call(request, Wire.Conversation.class)),
                agent ? id : null, "POST /v1/conversations/" + id + "/fork");
        // Some servers answer a fork with its id alone; its agent is then the stored conversation's.
        return fork.agentId() == null ? controlPlane.conversation(fork.id()) : fork;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> cancel(String conversationId) {
        String id = conversationOrAgent(conversationId);
        boolean agent = SessionTarget.isAgentId(id);
        // Cancelling twice cancels nothing more: safe to retry.
        ApiRequest request = ApiRequest.post("v1", "conversations", agent ? ControlPlane.DEFAULT_CONVERSATION : id,
                "cancel").query("agent_id", agent ? id : null).idempotent().build();
        Map<String, Object> answer = known(id, () -> http.call(request, Map.class));
        return answer == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(answer));
    }

    @Override
    public CompactionResult compact(String conversationId) {
        String id = conversationOrAgent(conversationId);
        boolean agent = SessionTarget.isAgentId(id);
        ApiRequest request = ApiRequest.post("v1", "conversations", agent ? ControlPlane.DEFAULT_CONVERSATION : id,
                "compact").body(agent ? Map.of("agent_id", id) : Map.of()).build();
        Wire.Compaction answer = known(id, () -> http.call(request, Wire.Compaction.class));
        if (answer == null || answer.summary() == null) {
            throw new ProtocolException("POST /v1/conversations/" + id + "/compact on the Letta API at "
                    + http.baseUrl() + " answered without a summary");
        }
        return new CompactionResult(answer.summary(), answer.messagesBefore() == null ? 0 : answer.messagesBefore(),
                answer.messagesAfter() == null ? 0 : answer.messagesAfter(), answer.extras());
    }

    /** A conversation id, or an agent id standing for its main thread. */
    private static String conversationOrAgent(String conversationId) {
        Checks.requireText(conversationId, "conversationId");
        return SessionTarget.isAgentId(conversationId) ? Checks.requireId(conversationId, "conversationId", "agent")
                : Checks.requireId(conversationId, "conversationId", "conv");
    }

    /** A conversation of its own: an agent's main thread has no settings to change and cannot be deleted. */
    private static String ownConversation(String conversationId) {
        return Checks.requireId(conversationId, "conversationId", "conv");
    }

    private <T> T known(String id, Supplier<T> call) {
        try {
            return call.get();
        } catch (NotFoundException e) {
            throw new ConversationNotFoundException((SessionTarget.isAgentId(id) ? "agent " : "conversation ") + id
                    + " is not known to the Letta API at " + http.baseUrl(), e);
        }
    }

    private ConversationInfo answered(Wire.Conversation conversation, String agentId, String request) {
        if (conversation == null || conversation.id() == null || conversation.id().isBlank()) {
            throw new ProtocolException(request + " on the Letta API at " + http.baseUrl()
                    + " answered without a conversation id");
        }
        return WireMapping.conversation(conversation, agentId);
    }
}

package ai.letta.code.transport.remote.internal;

import ai.letta.code.api.conversation.ConversationInfo;
import ai.letta.code.api.conversation.MessageRecord;
import ai.letta.code.api.conversation.Page;
import ai.letta.code.api.conversation.PageRequest;
import ai.letta.code.api.exception.ConversationNotFoundException;
import ai.letta.code.api.exception.NotFoundException;
import ai.letta.code.api.conversation.Conversations;
import ai.letta.code.internal.Checks;
import ai.letta.code.spi.SessionTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Conversations through the server's {@code conversation_*} commands. An agent id stands for the agent's main
 * thread (the server's {@code default} alias), as sessions report it; its messages are listed with
 * {@code conversation_id:"default"} plus the agent id, which the server needs to resolve the alias.
 */
public final class RemoteConversations implements Conversations {

    private final ServerConnection connection;

    /** @param connection the client's shared connection */
    public RemoteConversations(ServerConnection connection) {
        this.connection = connection;
    }

    @Override
    public ConversationInfo create(String agentId) {
        SessionTarget.requireAgentId(agentId, "agentId");
        Map<String, Object> command = Commands.command("conversation_create",
                connection.correlator().nextRequestId("cc"));
        command.put("body", Map.of("agent_id", agentId));
        ServerFrame frame = connection.call(command, "conversation_create_response");
        return DomainMapping.conversation(frame.json().path("conversation"),
                Json.text(frame.json().path("conversation"), "id"));
    }

    @Override
    public ConversationInfo get(String conversationId) {
        Checks.requireText(conversationId, "conversationId");
        if (SessionTarget.isAgentId(conversationId)) {
            new RemoteAgents(connection, new RemoteBlocks(connection)).get(conversationId);
            return new ConversationInfo(conversationId, conversationId, null, null);
        }
        Map<String, Object> command = Commands.command("conversation_retrieve",
                connection.correlator().nextRequestId("cr"));
        command.put("conversation_id", conversationId);
        try {
            ServerFrame frame = connection.call(command, "conversation_retrieve_response");
            return DomainMapping.conversation(frame.json().path("conversation"), conversationId);
        } catch (NotFoundException e) {
            throw new ConversationNotFoundException("conversation " + conversationId + " is not known to "
                    + connection.peer(), e);
        }
    }

    @Override
    public Page<ConversationInfo> list(String agentId, PageRequest page) {
        SessionTarget.requireAgentId(agentId, "agentId");
        Checks.requireNonNull(page, "page");
        Map<String, Object> command = Commands.command("conversation_list",
                connection.correlator().nextRequestId("cl"));
        Map<String, Object> query = Pages.query(page);
        query.put("agent_id", agentId);
        command.put("query", query);
        ServerFrame frame = connection.call(command, "conversation_list_response");
        List<ConversationInfo> items = new ArrayList<>();
        frame.json().path("conversations").forEach(c -> items.add(DomainMapping.conversation(c, Json.text(c, "id"))));
        return Pages.of(items, page, ConversationInfo::id, next -> list(agentId, next));
    }

    @Override
    public Page<MessageRecord> messages(String conversationId, PageRequest page) {
        Checks.requireText(conversationId, "conversationId");
        Checks.requireNonNull(page, "page");
        Map<String, Object> command = Commands.command("conversation_messages_list",
                connection.correlator().nextRequestId("ml"));
        Map<String, Object> query = Pages.query(page);
        if (SessionTarget.isAgentId(conversationId)) {
            command.put("conversation_id", RuntimeKey.DEFAULT_CONVERSATION);
            query.put("agent_id", conversationId.strip());
        } else {
            command.put("conversation_id", conversationId);
        }
        command.put("query", query);
        ServerFrame frame = connection.call(command, "conversation_messages_list_response");
        List<MessageRecord> items = new ArrayList<>();
        frame.json().path("messages").forEach(m -> items.add(DomainMapping.message(m)));
        if (page.ascending()) {
            // The server's has_more says whether older messages exist (it probes before the page's oldest one;
            // CLI 0.32.18), which answers a newest-first listing only: oldest first, a full page may have more.
            return Pages.of(items, page, MessageRecord::id, next -> messages(conversationId, next));
        }
        boolean more = frame.json().path("has_more").asBoolean(false);
        String cursor = more && !items.isEmpty() ? items.get(items.size() - 1).id() : null;
        return Pages.of(items, page, cursor, more, next -> messages(conversationId, next));
    }
}

package ai.letta.code.transport.remote.internal;

import ai.letta.code.api.conversation.CompactionResult;
import ai.letta.code.api.conversation.ConversationCreate;
import ai.letta.code.api.conversation.ConversationInfo;
import ai.letta.code.api.conversation.ConversationUpdate;
import ai.letta.code.api.conversation.MessageRecord;
import ai.letta.code.api.conversation.Page;
import ai.letta.code.api.conversation.PageRequest;
import ai.letta.code.api.exception.ConversationNotFoundException;
import ai.letta.code.api.exception.NotFoundException;
import ai.letta.code.api.conversation.Conversations;
import ai.letta.code.internal.Checks;
import ai.letta.code.spi.SessionTarget;
import ai.letta.code.spi.Unsupported;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Conversations through the server's {@code conversation_*} commands. An agent id stands for the agent's main
 * thread (the server's {@code default} alias), as sessions report it; its messages are listed with
 * {@code conversation_id:"default"} plus the agent id, which the server needs to resolve the alias. Update, fork
 * and compact are the server's {@code conversation_update}, {@code conversation_fork} and
 * {@code conversation_compact} (a server on the local backend refuses compaction with its reason); the app server
 * has no command to delete a conversation or cancel its runs by id, so {@link #delete} and {@link #cancel} throw
 * an {@code UnsupportedFeatureException} naming the cloud backend.
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
    public ConversationInfo create(String agentId, ConversationCreate options) {
        SessionTarget.requireAgentId(agentId, "agentId");
        Checks.requireNonNull(options, "options");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agent_id", agentId.strip());
        options.summary().ifPresent(s -> body.put("summary", s));
        options.isolatedBlockLabels().ifPresent(labels -> body.put("isolated_block_labels", labels));
        options.model().ifPresent(m -> body.put("model", m));
        Map<String, Object> command = Commands.command("conversation_create",
                connection.correlator().nextRequestId("cc"));
        command.put("body", body);
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
            command.put("conversation_id", SessionTarget.DEFAULT_CONVERSATION);
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

    @Override
    public ConversationInfo update(String conversationId, ConversationUpdate update) {
        String id = Checks.requireId(conversationId, "conversationId", "conv");
        Checks.requireNonNull(update, "update");
        Map<String, Object> body = new LinkedHashMap<>();
        update.summary().ifPresent(s -> body.put("summary", s));
        update.model().ifPresent(m -> body.put("model", m));
        Map<String, Object> command = Commands.command("conversation_update",
                connection.correlator().nextRequestId("cu"));
        command.put("conversation_id", id);
        command.put("body", body);
        ServerFrame frame = known(id, () -> connection.call(command, "conversation_update_response"));
        return DomainMapping.conversation(frame.json().path("conversation"), id);
    }

    @Override
    public void delete(String conversationId) {
        Checks.requireId(conversationId, "conversationId", "conv");
        throw Unsupported.feature("conversations().delete", connection.backendKind());
    }

    @Override
    public ConversationInfo fork(String conversationId) {
        Checks.requireText(conversationId, "conversationId");
        boolean agent = SessionTarget.isAgentId(conversationId);
        String id = Checks.requireId(conversationId, "conversationId", agent ? "agent" : "conv");
        Map<String, Object> command = Commands.command("conversation_fork",
                connection.correlator().nextRequestId("cf"));
        command.put("conversation_id", agent ? SessionTarget.DEFAULT_CONVERSATION : id);
        if (agent) {
            command.put("body", Map.of("agent_id", id));
        }
        ServerFrame frame = known(id, () -> connection.call(command, "conversation_fork_response"));
        String forked = Json.text(frame.json().path("conversation"), "id");
        if (forked == null) {
            throw new ai.letta.code.api.exception.ProtocolException("conversation_fork of " + id + " on "
                    + connection.peer() + " answered without a conversation id");
        }
        // The server's local backend answers the fork's id alone: read the rest back.
        return Json.text(frame.json().path("conversation"), "agent_id") == null ? get(forked)
                : DomainMapping.conversation(frame.json().path("conversation"), forked);
    }

    @Override
    public Map<String, Object> cancel(String conversationId) {
        Checks.requireText(conversationId, "conversationId");
        throw Unsupported.feature("conversations().cancel", connection.backendKind());
    }

    @Override
    public CompactionResult compact(String conversationId) {
        Checks.requireText(conversationId, "conversationId");
        boolean agent = SessionTarget.isAgentId(conversationId);
        String id = Checks.requireId(conversationId, "conversationId", agent ? "agent" : "conv");
        Map<String, Object> command = Commands.command("conversation_compact",
                connection.correlator().nextRequestId("cp"));
        command.put("conversation_id", agent ? SessionTarget.DEFAULT_CONVERSATION : id);
        command.put("body", agent ? Map.of("agent_id", id) : Map.of());
        ServerFrame frame = known(id, () -> connection.call(command, "conversation_compact_response"));
        var compaction = frame.json().path("compaction");
        return new CompactionResult(Json.text(compaction, "summary"), compaction.path("num_messages_before").asInt(0),
                compaction.path("num_messages_after").asInt(0), Map.of());
    }

    private <T> T known(String id, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (NotFoundException e) {
            throw new ConversationNotFoundException((SessionTarget.isAgentId(id) ? "agent " : "conversation ") + id
                    + " is not known to " + connection.peer(), e);
        }
    }
}

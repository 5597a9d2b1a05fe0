package ai.letta.code.testkit.fake;

import ai.letta.code.api.conversation.ConversationInfo;
import ai.letta.code.api.conversation.MessageRecord;
import ai.letta.code.api.conversation.Page;
import ai.letta.code.api.conversation.PageRequest;
import ai.letta.code.api.exception.AgentNotFoundException;
import ai.letta.code.api.exception.ConversationNotFoundException;
import ai.letta.code.api.conversation.Conversations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The fake's conversations ({@code conv-<uuid>}) and their message history. Thread-safe (every method holds the
 * monitor; nothing inside blocks).
 */
final class InMemoryConversations implements Conversations {

    private final Map<String, ConversationInfo> conversations = new LinkedHashMap<>();
    private final Map<String, List<MessageRecord>> messages = new LinkedHashMap<>();
    private Predicate<String> agentExists = id -> false;

    /** @param agentExists tells whether an agent id is known (set once, by the agent store) */
    synchronized void agentLookup(Predicate<String> agentExists) {
        this.agentExists = agentExists;
    }

    @Override
    public synchronized ConversationInfo create(String agentId) {
        if (!agentExists.test(agentId)) {
            throw new AgentNotFoundException("agent " + agentId + " does not exist; create it with createAgent()");
        }
        ConversationInfo info = new ConversationInfo("conv-" + UUID.randomUUID(), agentId, null, Instant.now());
        conversations.put(info.id(), info);
        messages.put(info.id(), new ArrayList<>());
        return info;
    }

    @Override
    public synchronized ConversationInfo get(String conversationId) {
        ConversationInfo info = conversations.get(conversationId);
        if (info == null) {
            throw new ConversationNotFoundException("conversation " + conversationId + " does not exist; open a new "
                    + "one with createSession(agentId) or resume an agent's default with resumeSession(agentId)");
        }
        return info;
    }

    @Override
    public synchronized Page<ConversationInfo> list(String agentId, PageRequest page) {
        if (!agentExists.test(agentId)) {
            throw new AgentNotFoundException("agent " + agentId + " does not exist");
        }
        List<ConversationInfo> own = conversations.values().stream().filter(c -> c.agentId().equals(agentId))
                .toList();
        return Paging.page(own, ConversationInfo::id, page);
    }

    @Override
    public synchronized Page<MessageRecord> messages(String conversationId, PageRequest page) {
        get(conversationId);
        return Paging.page(List.copyOf(messages.get(conversationId)), MessageRecord::id, page);
    }

    /**
     * Appends to a conversation's history.
     *
     * @param conversationId the conversation
     * @param messageType e.g. {@code user_message}
     * @param text the text
     * @param runId the run, or {@code null}
     */
    synchronized void append(String conversationId, String messageType, String text, String runId) {
        List<MessageRecord> history = messages.get(conversationId);
        if (history != null) {
            history.add(new MessageRecord("message-" + UUID.randomUUID(), messageType, text, Instant.now(), runId));
        }
    }

    /** @param agentId an agent being deleted: its conversations go too */
    synchronized void deleteAll(String agentId) {
        conversations.values().removeIf(c -> {
            boolean own = c.agentId().equals(agentId);
            if (own) {
                messages.remove(c.id());
            }
            return own;
        });
    }
}

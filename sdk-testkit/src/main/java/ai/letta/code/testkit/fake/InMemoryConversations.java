package ai.letta.code.testkit.fake;

import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.conversation.CompactionResult;
import ai.letta.code.api.conversation.ConversationCreate;
import ai.letta.code.api.conversation.ConversationInfo;
import ai.letta.code.api.conversation.ConversationUpdate;
import ai.letta.code.api.conversation.MessageRecord;
import ai.letta.code.api.conversation.Page;
import ai.letta.code.api.conversation.PageRequest;
import ai.letta.code.api.exception.AgentNotFoundException;
import ai.letta.code.api.exception.ConversationNotFoundException;
import ai.letta.code.api.conversation.Conversations;
import ai.letta.code.internal.Checks;
import ai.letta.code.spi.Unsupported;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The fake's conversations ({@code conv-<uuid>}) and their message history. Like the app server it imitates, it
 * updates (summary, model) and forks conversations for real, and has no way to delete one, cancel its runs by id
 * or compact it: those throw an {@code UnsupportedFeatureException} naming the cloud backend. Thread-safe (every
 * method holds the monitor; nothing inside blocks).
 */
final class InMemoryConversations implements Conversations {

    private final Map<String, ConversationInfo> conversations = new LinkedHashMap<>();
    private final Map<String, List<MessageRecord>> messages = new LinkedHashMap<>();
    private Predicate<String> agentExists = id -> false;
    private BackendKind kind = BackendKind.REMOTE;

    /** @param kind the backend the fake poses as, named in its unsupported-feature errors */
    synchronized void backend(BackendKind kind) {
        this.kind = kind;
    }

    /** @param agentExists tells whether an agent id is known (set once, by the agent store) */
    synchronized void agentLookup(Predicate<String> agentExists) {
        this.agentExists = agentExists;
    }

    @Override
    public synchronized ConversationInfo create(String agentId) {
        return create(agentId, ConversationCreate.empty());
    }

    @Override
    public synchronized ConversationInfo create(String agentId, ConversationCreate options) {
        Checks.requireNonNull(options, "options");
        if (!agentExists.test(agentId)) {
            throw new AgentNotFoundException("agent " + agentId + " does not exist; create it with createAgent()");
        }
        ConversationInfo info = new ConversationInfo("conv-" + UUID.randomUUID(), agentId,
                options.summary().orElse(null), Instant.now(), options.model().orElse(null), null, null);
        conversations.put(info.id(), info);
        messages.put(info.id(), new ArrayList<>());
        return info;
    }

    @Override
    public synchronized ConversationInfo update(String conversationId, ConversationUpdate update) {
        Checks.requireId(conversationId, "conversationId", "conv");
        Checks.requireNonNull(update, "update");
        ConversationInfo current = get(conversationId);
        ConversationInfo updated = new ConversationInfo(current.id(), current.agentId(),
                update.summary().orElse(current.summary().orElse(null)), current.createdAt().orElse(null),
                update.model().orElse(current.model().orElse(null)), current.lastMessageAt().orElse(null),
                current.extras());
        conversations.put(updated.id(), updated);
        return updated;
    }

    @Override
    public synchronized void delete(String conversationId) {
        Checks.requireId(conversationId, "conversationId", "conv");
        throw Unsupported.feature("conversations().delete", kind);
    }

    @Override
    public synchronized ConversationInfo fork(String conversationId) {
        ConversationInfo source = get(Checks.requireId(conversationId, "conversationId", "conv"));
        ConversationInfo fork = new ConversationInfo("conv-" + UUID.randomUUID(), source.agentId(),
                source.summary().orElse(null), Instant.now(), source.model().orElse(null), null, null);
        conversations.put(fork.id(), fork);
        List<MessageRecord> copied = new ArrayList<>();
        for (MessageRecord message : messages.get(source.id())) {
            copied.add(new MessageRecord("message-" + UUID.randomUUID(), message.messageType(),
                    message.text().orElse(null), message.date().orElse(null), message.runId().orElse(null)));
        }
        messages.put(fork.id(), copied);
        return fork;
    }

    @Override
    public synchronized Map<String, Object> cancel(String conversationId) {
        Checks.requireText(conversationId, "conversationId");
        throw Unsupported.feature("conversations().cancel", kind);
    }

    @Override
    public synchronized CompactionResult compact(String conversationId) {
        Checks.requireText(conversationId, "conversationId");
        throw Unsupported.feature("conversations().compact", kind);
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

package ai.letta.code.api.conversation;

/** Conversation operations of a backend. */
public interface Conversations {

    /**
     * @param agentId the agent
     * @return a new, empty conversation
     */
    ConversationInfo create(String agentId);

    /**
     * @param conversationId a conversation id
     * @return the conversation
     * @throws ai.letta.code.api.exception.ConversationNotFoundException if unknown
     */
    ConversationInfo get(String conversationId);

    /**
     * @param agentId the agent
     * @param page which page
     * @return the agent's conversations
     */
    Page<ConversationInfo> list(String agentId, PageRequest page);

    /**
     * @param conversationId the conversation
     * @param page which page ({@link PageRequest#chronological()} for oldest first)
     * @return its messages
     */
    Page<MessageRecord> messages(String conversationId, PageRequest page);
}

package ai.letta.code.api.conversation;

import java.util.Map;

/**
 * Conversation operations of a backend: threads of messages with an agent ({@code /v1/conversations}). An agent
 * id stands for the agent's main thread (the server's {@code default} conversation) where a conversation id is
 * taken.
 *
 * <p>Every backend that manages conversations offers {@link #create(String)}, {@link #get}, {@link #list} and
 * {@link #messages}; the cloud backend offers them all. On a backend without an operation it throws
 * {@link ai.letta.code.api.exception.UnsupportedFeatureException} naming the backends that have it, never a silent
 * no-op. Ids are checked before anything is sent ({@link ai.letta.code.api.exception.ConfigurationException}
 * naming the field). Sending messages is {@code client.messages()}'s, or a session's.
 */
public interface Conversations {

    /**
     * Creates an empty conversation ({@code POST /v1/conversations/?agent_id=…}).
     *
     * @param agentId the agent
     * @return a new, empty conversation
     * @throws ai.letta.code.api.exception.AgentNotFoundException if the agent is unknown
     */
    ConversationInfo create(String agentId);

    /**
     * Creates a conversation with options ({@code POST /v1/conversations/?agent_id=…} with a
     * {@code CreateConversation} body).
     *
     * @param agentId the agent
     * @param options its summary, isolated blocks and model
     * @return the new conversation
     * @throws ai.letta.code.api.exception.AgentNotFoundException if the agent is unknown
     */
    ConversationInfo create(String agentId, ConversationCreate options);

    /**
     * Fetches a conversation ({@code GET /v1/conversations/{conversation_id}}).
     *
     * @param conversationId a conversation id
     * @return the conversation
     * @throws ai.letta.code.api.exception.ConversationNotFoundException if unknown
     */
    ConversationInfo get(String conversationId);

    /**
     * Lists an agent's conversations ({@code GET /v1/conversations/?agent_id=…}).
     *
     * @param agentId the agent
     * @param page which page
     * @return the agent's conversations
     */
    Page<ConversationInfo> list(String agentId, PageRequest page);

    /**
     * Lists a conversation's history ({@code GET /v1/conversations/{conversation_id}/messages}).
     *
     * @param conversationId the conversation
     * @param page which page ({@link PageRequest#chronological()} for oldest first)
     * @return its messages
     */
    Page<MessageRecord> messages(String conversationId, PageRequest page);

    /**
     * Changes a conversation's summary or model ({@code PATCH /v1/conversations/{conversation_id}}), only the
     * fields set.
     *
     * @param conversationId the conversation (not an agent's main thread, which has no settings of its own)
     * @param update what changes
     * @return the conversation after the change
     * @throws ai.letta.code.api.exception.ConversationNotFoundException if unknown
     */
    ConversationInfo update(String conversationId, ConversationUpdate update);

    /**
     * Deletes a conversation and its history ({@code DELETE /v1/conversations/{conversation_id}}).
     *
     * @param conversationId the conversation (not an agent's main thread)
     * @throws ai.letta.code.api.exception.ConversationNotFoundException if unknown
     */
    void delete(String conversationId);

    /**
     * Copies a conversation with its history into a new one of the same agent
     * ({@code POST /v1/conversations/{conversation_id}/fork}); the two then go separate ways.
     *
     * @param conversationId the conversation, or an agent id for its main thread
     * @return the new conversation
     * @throws ai.letta.code.api.exception.ConversationNotFoundException if unknown
     */
    ConversationInfo fork(String conversationId);

    /**
     * Stops the conversation's active runs ({@code POST /v1/conversations/{conversation_id}/cancel}). A turn a
     * session streams ends with a cancelled result.
     *
     * @param conversationId the conversation, or an agent id for its main thread
     * @return the server's answer as plain Java values (Letta's: each cancelled run's id with its new status;
     *     empty when nothing was running)
     * @throws ai.letta.code.api.exception.ConversationNotFoundException if unknown
     */
    Map<String, Object> cancel(String conversationId);

    /**
     * Summarises the older part of a conversation's context into one message
     * ({@code POST /v1/conversations/{conversation_id}/compact}), as the server does when the context fills up.
     *
     * @param conversationId the conversation, or an agent id for its main thread
     * @return the summary and the message counts before and after
     * @throws ai.letta.code.api.exception.ConversationNotFoundException if unknown
     */
    CompactionResult compact(String conversationId);
}

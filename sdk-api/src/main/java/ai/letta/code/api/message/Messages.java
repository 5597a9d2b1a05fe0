package ai.letta.code.api.message;

import ai.letta.code.api.conversation.MessageRecord;
import ai.letta.code.api.conversation.Page;
import ai.letta.code.api.conversation.PageRequest;
import java.util.List;
import java.util.Map;

/**
 * Messages of agents and conversations over the Letta API: send, stream, history, modify, reset, cancel, async
 * runs and approval answers. Offered by the cloud backend; the others throw
 * {@link ai.letta.code.api.exception.UnsupportedFeatureException} naming it (their sessions are how they talk to
 * an agent).
 *
 * <p><b>One message vocabulary.</b> What the agent produces arrives as the {@link ai.letta.code.api.event
 * SessionEvent} values a session yields, so code that reads a session reads these too: {@code assistant_message}
 * is an {@code AssistantMessage}, {@code reasoning_message} a {@code Reasoning}, {@code tool_call_message} and
 * {@code approval_request_message} a {@code ToolCall} (one per call), {@code tool_return_message} a
 * {@code ToolResult}, {@code error_message} an {@code ErrorEvent}; every other type (user and system messages,
 * approval responses, hidden reasoning, summaries, types newer than this SDK) an {@code UnknownEvent} carrying the
 * message type and its JSON. A separate union in this package would have duplicated those types and made a
 * caller translate between the two; the Letta fields a {@code SessionEvent} lacks (date, otid, step) are in the
 * JSON of the history ({@link #list}) instead.
 *
 * <p><b>Ids.</b> An agent id is {@code agent-…}, a conversation id {@code conv-…}; where a conversation is asked
 * for, an agent id names the agent's main thread (conversation {@code default}). An id of another kind, a blank
 * one, or one with {@code /}, whitespace or control characters is refused with a
 * {@link ai.letta.code.api.exception.ConfigurationException} naming the field, before anything is sent.
 *
 * <p><b>Errors.</b> The REST client's: {@link ai.letta.code.api.exception.AgentNotFoundException} /
 * {@link ai.letta.code.api.exception.ConversationNotFoundException} for an unknown target,
 * {@link ai.letta.code.api.exception.AuthenticationException} (401/403),
 * {@link ai.letta.code.api.exception.PendingApprovalException} (409 while an approval waits),
 * {@link ai.letta.code.api.exception.ConflictException} (409),
 * {@link ai.letta.code.api.exception.RateLimitException} (429), a
 * {@link ai.letta.code.api.exception.TransportException} for 5xx and lost connections. Sends are never retried
 * (a second send would run the agent twice).
 */
public interface Messages {

    /**
     * Sends to an agent and waits for the whole answer ({@code POST /v1/agents/{agent_id}/messages}).
     *
     * @param agentId the agent, {@code agent-…}
     * @param request what to send
     * @return the messages the agent produced, its stop reason and usage
     */
    MessageResponse send(String agentId, SendRequest request);

    /**
     * Sends to an agent and streams the answer ({@code POST /v1/agents/{agent_id}/messages/stream}). Returns once
     * the server has accepted the request (its response headers arrived); an error status throws here.
     *
     * @param agentId the agent, {@code agent-…}
     * @param request what to send
     * @return the open stream; close it
     */
    MessageStream stream(String agentId, SendRequest request);

    /**
     * Sends to a conversation and waits for the whole answer ({@code POST /v1/conversations/{id}/messages} with
     * {@code streaming: false}; that endpoint streams by default).
     *
     * @param conversationId the conversation, {@code conv-…}, or an agent id for its main thread
     * @param request what to send
     * @return the messages the agent produced, its stop reason and usage
     */
    MessageResponse sendToConversation(String conversationId, SendRequest request);

    /**
     * Sends to a conversation and streams the answer ({@code POST /v1/conversations/{id}/messages}, streaming).
     *
     * @param conversationId the conversation, {@code conv-…}, or an agent id for its main thread
     * @param request what to send
     * @return the open stream; close it ({@link MessageStream#cancel()} cancels the conversation's run)
     */
    MessageStream streamToConversation(String conversationId, SendRequest request);

    /**
     * Attaches to the stream of a run that is still going on a conversation, e.g. after a stream was cut or the
     * client restarted ({@code POST /v1/conversations/{id}/stream} with {@code run_id}); the run must have been
     * started with {@link SendRequest.Builder#background(boolean) background}.
     *
     * @param conversationId the conversation, {@code conv-…}, or an agent id for its main thread
     * @param runId the run, {@code run-…} (a stream's {@link MessageStream#runId()})
     * @return the open stream, from the run's first message on
     * @throws ai.letta.code.api.exception.NotFoundException if the run is not streaming any more
     */
    MessageStream reattach(String conversationId, String runId);

    /**
     * Answers pending tool approvals on a conversation and waits for what the agent does next: an
     * {@code ApprovalCreate} message ({@code approvals: [{type: "approval", tool_call_id, approve, reason}]}) sent
     * as {@link #sendToConversation} sends.
     *
     * @param conversationId the conversation, {@code conv-…}, or an agent id for its main thread
     * @param approvals one answer per pending call, at least one
     * @return the agent's answer
     */
    MessageResponse answerApprovals(String conversationId, List<ToolApproval> approvals);

    /**
     * Sends to an agent without waiting ({@code POST /v1/agents/{agent_id}/messages/async}); poll the run with
     * {@link #run(String)}.
     *
     * @param agentId the agent, {@code agent-…}
     * @param request what to send ({@code streamTokens} and {@code background} do not apply)
     * @return the run started
     */
    RunInfo sendAsync(String agentId, SendRequest request);

    /**
     * Reads a run ({@code GET /v1/runs/{run_id}}).
     *
     * @param runId the run, {@code run-…}
     * @return its current state
     * @throws ai.letta.code.api.exception.NotFoundException if unknown
     */
    RunInfo run(String runId);

    /**
     * An agent's message history ({@code GET /v1/agents/{agent_id}/messages}), newest first unless
     * {@link PageRequest#chronological()}; a conversation's is {@code conversations().messages(...)}.
     *
     * @param agentId the agent, {@code agent-…}
     * @param page which page
     * @return the stored messages; {@link Page#autoPager()} walks them all
     */
    Page<MessageRecord> list(String agentId, PageRequest page);

    /**
     * Rewrites a stored message ({@code PATCH /v1/agents/{agent_id}/messages/{message_id}}).
     *
     * @param agentId the agent, {@code agent-…}
     * @param messageId the message, {@code message-…}
     * @param update its new text, of the message's kind
     * @return the message as stored now
     * @throws ai.letta.code.api.exception.NotFoundException if the agent or the message is unknown
     */
    MessageRecord update(String agentId, String messageId, MessageUpdate update);

    /**
     * Clears an agent's message history ({@code PATCH /v1/agents/{agent_id}/reset-messages}).
     *
     * @param agentId the agent, {@code agent-…}
     * @param addDefaultInitialMessages whether the server seeds the history with its default first messages
     */
    void reset(String agentId, boolean addDefaultInitialMessages);

    /**
     * Cancels an agent's runs ({@code POST /v1/agents/{agent_id}/messages/cancel}).
     *
     * @param agentId the agent, {@code agent-…}
     * @param runIds the runs to cancel; empty for every active run of the agent
     * @return the server's answer per run, e.g. {@code {"run-…": "cancelled"}}
     */
    Map<String, String> cancel(String agentId, List<String> runIds);
}

package ai.letta.code.api;

import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.agent.Agents;
import ai.letta.code.api.agent.Blocks;
import ai.letta.code.api.conversation.Conversations;
import ai.letta.code.api.model.Models;
import ai.letta.code.api.archive.Archives;
import ai.letta.code.api.archive.Passages;
import ai.letta.code.api.group.Groups;
import ai.letta.code.api.message.Messages;
import ai.letta.code.api.tool.Tools;
import java.util.concurrent.CompletableFuture;

/**
 * The entry point to Letta Code agents on one backend. Create it with {@code LettaCode.create(Backend)}, share it
 * (it is thread-safe), close it when done: closing closes its sessions and whatever the backend holds (processes,
 * sockets).
 *
 * <p>Agent ids start with {@code agent-}; everything else that names a conversation is a conversation id.
 */
public interface LettaCodeClient extends AutoCloseable {

    /** @return which backend this client talks to */
    BackendKind backend();

    /**
     * Creates a persistent agent.
     *
     * @param options persona, human, memory blocks, model, system prompt, ...
     * @return the new agent's id
     */
    String createAgent(AgentOptions options);

    /**
     * Opens a new conversation with the backend's default agent, with {@link SessionOptions#defaults()}.
     *
     * @return the open session
     */
    default Session createSession() {
        return createSession(SessionOptions.defaults());
    }

    /**
     * Opens a new conversation with an agent, with {@link SessionOptions#defaults()}.
     *
     * @param agentId the agent
     * @return the open session
     * @throws ai.letta.code.api.exception.ConfigurationException if {@code agentId} is blank or not an agent id
     * @throws ai.letta.code.api.exception.AgentNotFoundException if the backend does not know the agent
     */
    default Session createSession(String agentId) {
        return createSession(agentId, SessionOptions.defaults());
    }

    /**
     * Opens a new conversation with the backend's default agent (the CLI's last-used agent, or a new one).
     *
     * @param options how the session runs
     * @return the open session
     */
    Session createSession(SessionOptions options);

    /**
     * Opens a new conversation with an agent.
     *
     * @param agentId the agent
     * @param options how the session runs
     * @return the open session
     * @throws ai.letta.code.api.exception.ConfigurationException if {@code agentId} is blank or not an agent id
     * @throws ai.letta.code.api.exception.AgentNotFoundException if the backend does not know the agent
     */
    Session createSession(String agentId, SessionOptions options);

    /**
     * Resumes a conversation, or an agent's default conversation, with {@link SessionOptions#defaults()}.
     *
     * @param id a conversation id, or an agent id for that agent's default conversation
     * @return the open session
     * @throws ai.letta.code.api.exception.NotFoundException if the backend does not know the id
     */
    default Session resumeSession(String id) {
        return resumeSession(id, SessionOptions.defaults());
    }

    /**
     * Resumes a conversation, or an agent's default conversation. For an agent id, the session's
     * {@link Session#conversationId()} is that agent id: no backend gives the default conversation an id of its own.
     *
     * @param id a conversation id, or an agent id for that agent's default conversation
     * @param options how the session runs
     * @return the open session
     * @throws ai.letta.code.api.exception.NotFoundException if the backend does not know the id
     */
    Session resumeSession(String id, SessionOptions options);

    /**
     * Resumes a conversation of a known agent, with {@link SessionOptions#defaults()}.
     *
     * @param agentId the agent
     * @param conversationId the conversation
     * @return the open session
     */
    default Session resumeSession(String agentId, String conversationId) {
        return resumeSession(agentId, conversationId, SessionOptions.defaults());
    }

    /**
     * Resumes a conversation of a known agent, without looking the conversation's agent up first.
     *
     * @param agentId the agent
     * @param conversationId the conversation
     * @param options how the session runs
     * @return the open session
     */
    Session resumeSession(String agentId, String conversationId, SessionOptions options);

    /**
     * Runs one turn in a new conversation with the default agent and closes it.
     *
     * @param text the prompt
     * @return the outcome (check {@link PromptResult#success()})
     */
    PromptResult prompt(String text);

    /**
     * Runs one turn in a new conversation with an agent and closes it.
     *
     * @param text the prompt
     * @param agentId the agent
     * @return the outcome
     */
    PromptResult prompt(String text, String agentId);

    /**
     * Runs one turn in a new conversation and closes it.
     *
     * @param text the prompt
     * @param agentId the agent, or {@code null} for the default agent
     * @param options how the session runs
     * @return the outcome
     */
    PromptResult prompt(String text, String agentId, SessionOptions options);

    /**
     * {@link #prompt(String, String, SessionOptions)} on an SDK thread.
     *
     * @param text the prompt
     * @param agentId the agent, or {@code null} for the default agent
     * @param options how the session runs
     * @return the outcome, completed exceptionally with the exception {@code prompt} would throw
     */
    CompletableFuture<PromptResult> promptAsync(String text, String agentId, SessionOptions options);

    /** @return the backend's agents (get, list, delete) */
    Agents agents();

    /** @return the backend's conversations and their messages */
    Conversations conversations();

    /** @return the agents' memory blocks */
    Blocks blocks();

    /** @return the backend's model catalog */
    Models models();

    /** @return the Letta API's tools and their attachment to agents (cloud backend) */
    Tools tools();

    /** @return the Letta API's archives (cloud backend) */
    Archives archives();

    /** @return the passages of archives and of agents' archival memory (cloud backend) */
    Passages passages();

    /** @return the Letta API's messages of agents and conversations (cloud backend) */
    Messages messages();

    /** @return the Letta API's agent groups, such as an agent's sleep-time group (cloud backend) */
    Groups groups();

    /** Closes every open session, then the backend's resources. Idempotent. */
    @Override
    void close();
}

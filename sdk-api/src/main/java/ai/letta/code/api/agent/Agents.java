package ai.letta.code.api.agent;

import ai.letta.code.api.conversation.Page;
import ai.letta.code.api.conversation.PageRequest;

/** Agent operations of a backend. */
public interface Agents {

    /**
     * @param options what the agent is made of
     * @return the new agent's id
     */
    String create(AgentOptions options);

    /**
     * @param agentId an agent id
     * @return the agent
     * @throws ai.letta.code.api.exception.AgentNotFoundException if unknown
     */
    AgentInfo get(String agentId);

    /**
     * @param page which page
     * @return agents, newest first unless the request says otherwise
     */
    Page<AgentInfo> list(PageRequest page);

    /**
     * @param agentId the agent to delete with its conversations
     * @throws ai.letta.code.api.exception.AgentNotFoundException if unknown
     */
    void delete(String agentId);
}

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
     * @param agentId an agent id
     * @param update what to change ({@code PATCH /v1/agents/{agent_id}})
     * @return the agent as it is after the change
     * @throws ai.letta.code.api.exception.AgentNotFoundException if unknown
     * @throws ai.letta.code.api.exception.UnsupportedFeatureException on a backend that cannot change agents
     */
    AgentInfo update(String agentId, AgentUpdate update);

    /**
     * @param filter which agents
     * @param page which page
     * @return the agents the filter keeps, newest first unless the request says otherwise
     * @throws ai.letta.code.api.exception.UnsupportedFeatureException on a backend that cannot filter agents
     */
    Page<AgentInfo> list(AgentFilter filter, PageRequest page);

    /**
     * @param filter which agents ({@code GET /v1/agents/count})
     * @return how many agents the filter keeps
     * @throws ai.letta.code.api.exception.UnsupportedFeatureException on a backend that cannot count agents
     */
    int count(AgentFilter filter);

    /**
     * @param agentId the agent to delete with its conversations
     * @throws ai.letta.code.api.exception.AgentNotFoundException if unknown
     */
    void delete(String agentId);
}

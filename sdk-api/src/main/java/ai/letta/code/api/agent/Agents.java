package ai.letta.code.api.agent;

import ai.letta.code.api.conversation.Page;
import ai.letta.code.api.conversation.PageRequest;
import java.util.List;

/**
 * Agent operations of a backend. Export, import and the context window are the Letta API's (the cloud backend);
 * the other backends throw an {@link ai.letta.code.api.exception.UnsupportedFeatureException} naming it.
 */
public interface Agents {

    /**
     * @param options what the agent is made of
     * @return the new agent's id
     * @throws ai.letta.code.api.exception.UnsupportedFeatureException before anything is created, naming the
     *     option, when the backend cannot honour one (e.g. {@link AgentOptions#blockIds()} off the cloud backend)
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

    /**
     * @param agentId an agent id
     * @return the agent as an agent file ({@code GET /v1/agents/{agent_id}/export}): its blocks, tools, messages
     * @throws ai.letta.code.api.exception.AgentNotFoundException if unknown
     * @throws ai.letta.code.api.exception.UnsupportedFeatureException on a backend without the Letta API
     */
    AgentFile exportAgent(String agentId);

    /**
     * Imports an agent file as it is; see {@link #importAgent(AgentFile, ImportOptions)}.
     *
     * @param file the agent file
     * @return the ids of the new agents
     */
    default List<String> importAgent(AgentFile file) {
        return importAgent(file, ImportOptions.defaults());
    }

    /**
     * @param file the agent file ({@code POST /v1/agents/import}); its agents are created anew, with new ids
     * @param options names, models and what to keep
     * @return the ids of the new agents (an agent file may hold several)
     * @throws ai.letta.code.api.exception.TransportException if the server refuses the file (HTTP 400 for one that
     *     is no agent file)
     * @throws ai.letta.code.api.exception.UnsupportedFeatureException on a backend without the Letta API
     */
    List<String> importAgent(AgentFile file, ImportOptions options);

    /**
     * @param agentId an agent id
     * @return what its context window holds now ({@code GET /v1/agents/{agent_id}/context})
     * @throws ai.letta.code.api.exception.AgentNotFoundException if unknown
     * @throws ai.letta.code.api.exception.UnsupportedFeatureException on a backend without the Letta API
     */
    ContextWindow contextWindow(String agentId);
}

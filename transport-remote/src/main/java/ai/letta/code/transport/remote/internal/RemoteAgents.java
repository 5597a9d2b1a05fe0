package ai.letta.code.transport.remote.internal;

import ai.letta.code.api.agent.AgentInfo;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.agent.MemoryBlock;
import ai.letta.code.api.conversation.Page;
import ai.letta.code.api.conversation.PageRequest;
import ai.letta.code.api.exception.AgentNotFoundException;
import ai.letta.code.api.exception.NotFoundException;
import ai.letta.code.spi.AgentsWithoutLettaApi;
import ai.letta.code.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Agents through the server's {@code agent_*} commands, which pass Letta REST bodies through. {@code createAgent}
 * uses {@code agent_create} (verified on CLI 0.32.18: persona/human/other blocks land in the agent's memory files,
 * {@code system} is kept verbatim); it opens no runtime, unlike {@code runtime_start{create_agent}}. The server
 * hands the body to its backend: a Letta API one takes every create field, its local backend only name,
 * description, system, model, tags, memory blocks and {@code context_window_limit} (0.32.18's
 * {@code createLocalAgentRecord}, {@code supportedModelSettingsFromBody}), so of the Letta-API-only options the
 * context window limit is sent and the others are refused before the command ({@link AgentsWithoutLettaApi}).
 */
public final class RemoteAgents extends AgentsWithoutLettaApi {

    private final ServerConnection connection;
    private final RemoteBlocks blocks;

    /**
     * @param connection the client's shared connection
     * @param blocks reads the agents' memory blocks
     */
    public RemoteAgents(ServerConnection connection, RemoteBlocks blocks) {
        super(connection.backendKind());
        this.connection = connection;
        this.blocks = blocks;
    }

    @Override
    public String create(AgentOptions options) {
        refuseUnsupported(options, Set.of(ApiOption.CONTEXT_WINDOW_LIMIT));
        Map<String, Object> command = Commands.command("agent_create", connection.correlator().nextRequestId("ac"));
        command.put("body", LettaAgentBody.of(options, connection.backendKind(),
                "use SystemPrompt.custom(text) with an app server"));
        ServerFrame frame = connection.call(command, "agent_create_response");
        String id = Json.text(frame.json().path("agent"), "id");
        if (id == null) {
            throw ServerErrors.refused("agent_create", "the response carries no agent id", connection.peer());
        }
        return id;
    }

    @Override
    public AgentInfo get(String agentId) {
        Checks.requireText(agentId, "agentId");
        JsonNode agent = retrieve(connection, agentId);
        List<MemoryBlock> memory;
        try {
            memory = blocks.memoryFiles(agentId).orElse(List.of());
        } catch (RuntimeException e) {
            memory = List.of(); // the agent's own blocks stand in (DomainMapping.agent)
        }
        return DomainMapping.agent(agent, memory);
    }

    /**
     * @param connection the client's shared connection
     * @param agentId the agent
     * @return its Letta {@code AgentState}, from {@code agent_retrieve}
     */
    static JsonNode retrieve(ServerConnection connection, String agentId) {
        Map<String, Object> command = Commands.command("agent_retrieve", connection.correlator().nextRequestId("ag"));
        command.put("agent_id", agentId);
        try {
            return connection.call(command, "agent_retrieve_response").json().path("agent");
        } catch (NotFoundException e) {
            throw new AgentNotFoundException("agent " + agentId + " is not known to "
                    + connection.peer(), e);
        }
    }

    @Override
    public Page<AgentInfo> list(PageRequest page) {
        Checks.requireNonNull(page, "page");
        Map<String, Object> command = Commands.command("agent_list", connection.correlator().nextRequestId("al"));
        command.put("query", Pages.query(page));
        ServerFrame frame = connection.call(command, "agent_list_response");
        List<AgentInfo> agents = new ArrayList<>();
        frame.json().path("agents").forEach(agent -> agents.add(DomainMapping.agent(agent, List.of())));
        return Pages.of(agents, page, AgentInfo::id, this::list);
    }

    @Override
    public void delete(String agentId) {
        Checks.requireText(agentId, "agentId");
        Map<String, Object> command = Commands.command("agent_delete", connection.correlator().nextRequestId("ad"));
        command.put("agent_id", agentId);
        try {
            connection.call(command, "agent_delete_response");
        } catch (NotFoundException e) {
            throw new AgentNotFoundException("agent " + agentId + " is not known to "
                    + connection.peer(), e);
        }
    }
}

package ai.letta.code.api.tool;

import ai.letta.code.api.conversation.Page;
import ai.letta.code.api.conversation.PageRequest;
import java.util.List;

/**
 * The tools of a Letta API server ({@code /v1/tools}) and their attachment to agents. Offered by the cloud
 * backend; the others throw {@link ai.letta.code.api.exception.UnsupportedFeatureException} naming it. Every id is
 * checked before anything is sent (blank, a path character, or an id of another kind such as {@code agent-…} where
 * a tool id belongs: {@link ai.letta.code.api.exception.ConfigurationException}).
 *
 * <p>Attaching, detaching and the approval switch return nothing: read the result back with
 * {@link #listForAgent}. Answering a pending approval of a conversation is a message operation, not a tool one.
 *
 * <pre>{@code
 * String source = "def roll_dice() -> int:\n    \"\"\"Roll a die.\"\"\"\n    return 4\n";
 * ToolInfo roll = client.tools().upsert(ToolCreate.builder(source).description("Roll a die").build());
 * client.tools().attach(agentId, roll.id());
 * client.tools().updateApproval(agentId, roll.name().orElseThrow(), true);
 * }</pre>
 */
public interface Tools {

    /**
     * Lists tools ({@code GET /v1/tools/}), with cursors; {@link Page#autoPager()} walks all.
     *
     * @param filter which tools ({@link ToolFilter#all()} for every one)
     * @param page the page to fetch
     * @return one page of tools
     */
    Page<ToolInfo> list(ToolFilter filter, PageRequest page);

    /**
     * Counts tools ({@code GET /v1/tools/count}).
     *
     * @param filter which tools
     * @return how many there are
     */
    int count(ToolFilter filter);

    /**
     * Reads a tool ({@code GET /v1/tools/{tool_id}}).
     *
     * @param toolId the tool ({@code tool-…})
     * @return the tool
     * @throws ai.letta.code.api.exception.NotFoundException if it is unknown
     */
    ToolInfo get(String toolId);

    /**
     * Creates a tool ({@code POST /v1/tools/}).
     *
     * @param create the tool
     * @return the stored tool, with its id and name
     * @throws ai.letta.code.api.exception.ConflictException if a tool of that name exists (use {@link #upsert})
     */
    ToolInfo create(ToolCreate create);

    /**
     * Creates a tool, or replaces the one of the same name ({@code PUT /v1/tools/}).
     *
     * @param create the tool
     * @return the stored tool
     */
    ToolInfo upsert(ToolCreate create);

    /**
     * Changes a tool ({@code PATCH /v1/tools/{tool_id}}): only the parts the update sets.
     *
     * @param toolId the tool ({@code tool-…})
     * @param update what to change
     * @return the updated tool
     * @throws ai.letta.code.api.exception.NotFoundException if it is unknown
     */
    ToolInfo update(String toolId, ToolUpdate update);

    /**
     * Deletes a tool, detaching it from every agent ({@code DELETE /v1/tools/{tool_id}}).
     *
     * @param toolId the tool ({@code tool-…})
     * @throws ai.letta.code.api.exception.NotFoundException if it is unknown
     */
    void delete(String toolId);

    /**
     * Searches tools by meaning or text ({@code POST /v1/tools/search}), best first.
     *
     * @param search what to look for
     * @return the hits
     */
    List<ToolSearchResult> search(ToolSearch search);

    /**
     * Lists the tools attached to an agent ({@code GET /v1/agents/{agent_id}/tools}).
     *
     * @param agentId the agent
     * @param page the page to fetch
     * @return one page of its tools
     * @throws ai.letta.code.api.exception.AgentNotFoundException if the agent is unknown
     */
    Page<ToolInfo> listForAgent(String agentId, PageRequest page);

    /**
     * Attaches a tool to an agent ({@code PATCH /v1/agents/{agent_id}/tools/attach/{tool_id}}); attaching it again
     * changes nothing.
     *
     * @param agentId the agent
     * @param toolId the tool ({@code tool-…})
     * @throws ai.letta.code.api.exception.NotFoundException if the agent or the tool is unknown
     */
    void attach(String agentId, String toolId);

    /**
     * Detaches a tool from an agent ({@code PATCH /v1/agents/{agent_id}/tools/detach/{tool_id}}); the tool stays.
     *
     * @param agentId the agent
     * @param toolId the tool ({@code tool-…})
     * @throws ai.letta.code.api.exception.NotFoundException if the agent or the tool is unknown
     */
    void detach(String agentId, String toolId);

    /**
     * Sets whether an agent's calls of a tool wait for approval
     * ({@code PATCH /v1/agents/{agent_id}/tools/approval/{tool_name}}, {@code requires_approval}): the agent then
     * stops with an approval request, answered through the agent's messages.
     *
     * @param agentId the agent
     * @param toolName the tool's name (not its id)
     * @param requiresApproval whether calls need approval
     * @throws ai.letta.code.api.exception.NotFoundException if the agent is unknown
     */
    void updateApproval(String agentId, String toolName, boolean requiresApproval);
}

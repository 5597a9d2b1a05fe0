package ai.letta.code.api.group;

import ai.letta.code.api.agent.MemoryBlock;
import ai.letta.code.api.conversation.Page;
import ai.letta.code.api.conversation.PageRequest;
import java.util.List;
import java.util.Optional;

/**
 * Agent groups ({@code /v1/groups}), above all an agent's sleep-time group and its frequency. Offered by the
 * cloud backend; the others throw {@link ai.letta.code.api.exception.UnsupportedFeatureException} naming it.
 *
 * <pre>{@code
 * client.agents().update(agentId, AgentUpdate.builder().enableSleeptime(true).build());
 * GroupInfo group = client.groups().sleeptimeGroup(agentId).orElseThrow();
 * client.groups().update(group.id(), GroupUpdate.builder().sleeptimeFrequency(2).build());
 * }</pre>
 */
public interface Groups {

    /**
     * @param groupId a group id ({@code group-…})
     * @return the group
     * @throws ai.letta.code.api.exception.NotFoundException if unknown
     */
    GroupInfo get(String groupId);

    /**
     * @param page which page
     * @return the groups
     */
    Page<GroupInfo> list(PageRequest page);

    /** @return how many groups there are */
    int count();

    /**
     * @param agentId an agent id
     * @param page which page
     * @return the groups the agent is a member of ({@code GET /v1/agents/{agent_id}/groups}); a sleep-time group
     *     has the sleep-time agent as its member, not the agent it serves: find that one by
     *     {@link #sleeptimeGroup(String)}
     * @throws ai.letta.code.api.exception.AgentNotFoundException if the agent is unknown
     */
    Page<GroupInfo> listForAgent(String agentId, PageRequest page);

    /**
     * @param groupId the group to change
     * @param update what changes
     * @return the group as it is now
     * @throws ai.letta.code.api.exception.NotFoundException if unknown
     */
    GroupInfo update(String groupId, GroupUpdate update);

    /**
     * @param groupId the group to delete
     * @throws ai.letta.code.api.exception.NotFoundException if unknown
     */
    void delete(String groupId);

    /**
     * @param agentId an agent id
     * @return the sleep-time group the agent manages, or empty when sleep-time is not enabled for it
     * @throws ai.letta.code.api.exception.AgentNotFoundException if the agent is unknown
     */
    Optional<GroupInfo> sleeptimeGroup(String agentId);

    /**
     * @param agentId an agent id
     * @return the agent's memory blocks its sleep-time agents share (and rewrite); empty without a sleep-time group
     * @throws ai.letta.code.api.exception.AgentNotFoundException if the agent is unknown
     */
    List<MemoryBlock> sharedBlocks(String agentId);
}

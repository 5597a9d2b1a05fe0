package ai.letta.code.transport.cloud.rest;

import ai.letta.code.api.agent.MemoryBlock;
import ai.letta.code.api.conversation.Page;
import ai.letta.code.api.conversation.PageRequest;
import ai.letta.code.api.exception.AgentNotFoundException;
import ai.letta.code.api.exception.NotFoundException;
import ai.letta.code.api.group.GroupInfo;
import ai.letta.code.api.group.GroupUpdate;
import ai.letta.code.api.group.Groups;
import ai.letta.code.internal.Checks;
import ai.letta.code.transport.cloud.http.ApiRequest;
import ai.letta.code.transport.cloud.http.LettaHttp;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Agent groups over the Letta REST API ({@code /v1/groups/…}, {@code /v1/agents/{id}/groups}). An agent's
 * sleep-time group is the {@code sleeptime} group it manages, which its state carries as {@code managed_group}
 * ({@code GET /v1/agents/{id}?include=agent.managed_group}): {@code GET /v1/agents/{id}/groups} lists the groups
 * the agent is a member of, and the manager is no member (letta-ai/letta {@code AgentManager.list_groups_async}
 * joins {@code groups_agents}; {@code SyncServer.create_sleeptime_agent_async} makes the group with the sleep-time
 * agent as its one member and the main agent as {@code manager_agent_id}). The blocks it shares are the agent's
 * core-memory blocks that its sleep-time agents hold too (the server attaches the same blocks to both).
 * Thread-safe.
 */
public final class RestGroups implements Groups {

    private final LettaHttp http;

    /** @param http the client to send with */
    public RestGroups(LettaHttp http) {
        this.http = Checks.requireNonNull(http, "http");
    }

    @Override
    public GroupInfo get(String groupId) {
        String id = Checks.requireId(groupId, "groupId", "group");
        try {
            return http.call(ApiRequest.get("v1", "groups", id).build(), GroupWire.class).info();
        } catch (NotFoundException e) {
            throw missing(id, e);
        }
    }

    @Override
    public Page<GroupInfo> list(PageRequest page) {
        Checks.requireNonNull(page, "page");
        List<GroupInfo> groups = RestPages.items(http.call(RestPages.query(ApiRequest.get("v1", "groups")
                .trailingSlash(), page).build(), GroupWire[].class)).stream().map(GroupWire::info).toList();
        return RestPages.of(groups, page, GroupInfo::id, this::list);
    }

    @Override
    public int count() {
        Integer count = http.call(ApiRequest.get("v1", "groups", "count").build(), Integer.class);
        return count == null ? 0 : count;
    }

    @Override
    public Page<GroupInfo> listForAgent(String agentId, PageRequest page) {
        String agent = Checks.requireId(agentId, "agentId", "agent");
        Checks.requireNonNull(page, "page");
        return RestPages.of(agentGroups(agent, null, page), page, GroupInfo::id, next -> listForAgent(agent, next));
    }

    @Override
    public GroupInfo update(String groupId, GroupUpdate update) {
        String id = Checks.requireId(groupId, "groupId", "group");
        Checks.requireNonNull(update, "update");
        Map<String, Object> body = new LinkedHashMap<>();
        update.description().ifPresent(v -> body.put("description", v));
        update.sleeptimeFrequency().ifPresent(v -> body.put("manager_config",
                Map.of("manager_type", "sleeptime", "sleeptime_agent_frequency", v)));
        try {
            return http.call(ApiRequest.patch("v1", "groups", id).body(body).build(), GroupWire.class).info();
        } catch (NotFoundException e) {
            throw missing(id, e);
        }
    }

    @Override
    public void delete(String groupId) {
        String id = Checks.requireId(groupId, "groupId", "group");
        try {
            http.send(ApiRequest.delete("v1", "groups", id).build());
        } catch (NotFoundException e) {
            throw missing(id, e);
        }
    }

    @Override
    public Optional<GroupInfo> sleeptimeGroup(String agentId) {
        String agent = Checks.requireId(agentId, "agentId", "agent");
        Wire.Agent state;
        try {
            state = http.call(ApiRequest.get("v1", "agents", agent).query("include", "agent.managed_group").build(),
                    Wire.Agent.class);
        } catch (NotFoundException e) {
            throw agentMissing(agent, e);
        }
        // The group an agent manages is on its state; GET /v1/agents/{id}/groups lists only those it belongs to.
        return Optional.ofNullable(state == null ? null : state.managed()).map(GroupWire::info)
                .filter(GroupInfo::isSleeptime);
    }

    @Override
    public List<MemoryBlock> sharedBlocks(String agentId) {
        String agent = Checks.requireId(agentId, "agentId", "agent");
        List<String> members = sleeptimeGroup(agent).map(GroupInfo::agentIds).orElse(List.of());
        if (members.isEmpty()) {
            return List.of();
        }
        Set<String> held = new HashSet<>();
        for (String member : members) {
            if (!member.equals(agent)) {
                coreBlocks(member).forEach(block -> held.add(block.id()));
            }
        }
        return coreBlocks(agent).stream().filter(block -> held.contains(block.id())).map(ToolWire::block).toList();
    }

    private List<GroupInfo> agentGroups(String agent, String managerType, PageRequest page) {
        ApiRequest.Builder request = RestPages.query(ApiRequest.get("v1", "agents", agent, "groups"), page);
        if (managerType != null) {
            request.query("manager_type", managerType);
        }
        try {
            return RestPages.items(http.call(request.build(), GroupWire[].class)).stream().map(GroupWire::info)
                    .toList();
        } catch (NotFoundException e) {
            throw agentMissing(agent, e);
        }
    }

    private List<ToolWire.Block> coreBlocks(String agent) {
        try {
            return RestPages.items(http.call(ApiRequest.get("v1", "agents", agent, "core-memory", "blocks").build(),
                    ToolWire.Block[].class));
        } catch (NotFoundException e) {
            throw agentMissing(agent, e);
        }
    }

    private NotFoundException missing(String groupId, NotFoundException cause) {
        return new NotFoundException("group " + groupId + " is not known to the Letta API at " + http.baseUrl(),
                cause);
    }

    private AgentNotFoundException agentMissing(String agent, NotFoundException cause) {
        return new AgentNotFoundException("agent " + agent + " is not known to the Letta API at " + http.baseUrl(),
                cause);
    }
}

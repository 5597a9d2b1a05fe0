package ai.letta.code.testkit.fakeapi;

import static ai.letta.code.testkit.fakeapi.LettaStore.JSON;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fake's agent groups, kept under the agents' lock (a group and its agents change together). An agent given
 * {@code enable_sleeptime} gets what the Letta server makes: a sleep-time agent holding the same core-memory blocks,
 * and a {@code sleeptime} group managed by the agent with that agent as its member, frequency 5.
 */
final class GroupStore implements LettaStore.SleeptimeGroups {

    static final int DEFAULT_FREQUENCY = 5;

    private final LettaStore store;
    private final Map<String, ObjectNode> groups = new LinkedHashMap<>();

    GroupStore(LettaStore store) {
        this.store = store;
    }

    @Override
    public void enable(String agentId) {
        store.locked(() -> {
            if (sleeptimeGroup(agentId).isPresent()) {
                return null;
            }
            ObjectNode main = store.agent(agentId).orElseThrow();
            ObjectNode body = JSON.createObjectNode().put("name", main.path("name").asString("agent") + "-sleeptime")
                    .put("agent_type", "sleeptime_agent");
            ArrayNode blockIds = body.putArray("block_ids");
            store.agentBlocks(agentId).forEach(block -> blockIds.add(block.get("id").stringValue()));
            String sleeptimeAgent = store.createAgent(body).get("id").stringValue();
            ObjectNode group = JSON.createObjectNode().put("id", LettaStore.newId("group"))
                    .put("manager_type", "sleeptime");
            group.putArray("agent_ids").add(sleeptimeAgent);
            group.put("description", "sleep-time group of " + agentId).put("manager_agent_id", agentId)
                    .put("sleeptime_agent_frequency", DEFAULT_FREQUENCY).put("turns_counter", 0);
            group.putArray("shared_block_ids");
            groups.put(group.get("id").stringValue(), group);
            return null;
        });
    }

    @Override
    public JsonNode groupOf(String agentId) {
        return store.locked(() -> sleeptimeGroup(agentId).<JsonNode>map(ObjectNode::deepCopy)
                .orElse(JSON.nullNode()));
    }

    List<ObjectNode> list(Optional<String> managerType) {
        return store.locked(() -> groups.values().stream()
                .filter(g -> managerType.map(t -> t.equals(g.path("manager_type").asString())).orElse(true))
                .map(ObjectNode::deepCopy).toList());
    }

    /**
     * The groups an agent is a member of, as the Letta server lists them for {@code GET /v1/agents/{id}/groups}
     * (a join on {@code groups_agents}): a group's manager is no member of it.
     */
    List<ObjectNode> forAgent(String agentId, Optional<String> managerType) {
        return list(managerType).stream()
                .filter(g -> g.path("agent_ids").valueStream().anyMatch(id -> agentId.equals(id.asString())))
                .toList();
    }

    Optional<ObjectNode> group(String groupId) {
        return store.locked(() -> Optional.ofNullable(groups.get(groupId)).map(ObjectNode::deepCopy));
    }

    /** Applies a {@code GroupUpdate}: description, member agents, and a manager config of the group's type. */
    Optional<ObjectNode> update(String groupId, JsonNode patch) {
        return store.locked(() -> {
            ObjectNode group = groups.get(groupId);
            if (group == null) {
                return Optional.empty();
            }
            if (patch.path("description").isString()) {
                group.put("description", patch.get("description").stringValue());
            }
            if (patch.path("agent_ids").isArray()) {
                group.set("agent_ids", patch.get("agent_ids").deepCopy());
            }
            JsonNode config = patch.path("manager_config");
            if (config.path("sleeptime_agent_frequency").isInt()) {
                group.put("sleeptime_agent_frequency", config.get("sleeptime_agent_frequency").intValue());
            }
            if (config.path("manager_agent_id").isString()) {
                group.put("manager_agent_id", config.get("manager_agent_id").stringValue());
            }
            return Optional.of(group.deepCopy());
        });
    }

    boolean delete(String groupId) {
        return store.locked(() -> groups.remove(groupId) != null);
    }

    private Optional<ObjectNode> sleeptimeGroup(String agentId) {
        return groups.values().stream().filter(g -> g.path("manager_type").asString().equals("sleeptime")
                && agentId.equals(g.path("manager_agent_id").asString(null))).findFirst();
    }
}

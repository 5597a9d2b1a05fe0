package ai.letta.code.testkit.fakeapi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fake's in-memory agents, memory blocks and models.
 * Entities are kept as the JSON objects the API returns, so fields a client sends are echoed back untouched.
 * One lock guards everything; every read returns a deep copy, so callers never share a mutable tree.
 */
final class LettaStore {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, ObjectNode> agents = new LinkedHashMap<>();
    private final Map<String, ObjectNode> blocks = new LinkedHashMap<>();
    private final Map<String, ObjectNode> models = new LinkedHashMap<>();
    /** Renders an agent's attached tools ({@code AgentState.tools}); the tools' store, which never calls back. */
    private volatile Function<String, ArrayNode> toolsOf = id -> JSON.createArrayNode();

    /** Attaches the tools a create body names ({@code tools}, {@code tool_ids}): the tools' store (never calls back). */
    private volatile BiConsumer<String, JsonNode> attachTools = (id, body) -> { };

    /** The sleep-time groups' store, which keeps its groups under this store's lock. */
    private volatile SleeptimeGroups sleeptime = SleeptimeGroups.NONE;

    /** What the agents ask of the sleep-time groups (the groups' store implements it). */
    interface SleeptimeGroups {
        SleeptimeGroups NONE = new SleeptimeGroups() {
            @Override
            public void enable(String agentId) {
            }

            @Override
            public JsonNode groupOf(String agentId) {
                return JSON.nullNode();
            }
        };

        /** Gives the agent a sleep-time group and agent, unless it has one. */
        void enable(String agentId);

        /** @return the agent's sleep-time group as {@code AgentState.multi_agent_group}, or a JSON null */
        JsonNode groupOf(String agentId);
    }

    /** @param groups the sleep-time groups agents with {@code enable_sleeptime} get */
    void sleeptime(SleeptimeGroups groups) {
        this.sleeptime = groups;
    }

    <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    /** @param attacher attaches the tools a create body names to the new agent */
    void attachTools(BiConsumer<String, JsonNode> attacher) {
        this.attachTools = attacher;
    }

    /** @param renderer the tools attached to an agent, as {@code AgentState.tools} */
    void toolsOf(Function<String, ArrayNode> renderer) {
        this.toolsOf = renderer;
    }

    static String now() {
        return Instant.now().toString();
    }

    static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    // ---- models ----------------------------------------------------------------------------------------------

    /** Adds a model entry as {@code GET /v1/models/} lists it; the handle's provider decides the CLI's toolset. */
    void addModel(String handle, int contextWindow) {
        int slash = handle.indexOf('/');
        if (slash <= 0 || slash == handle.length() - 1) {
            throw new IllegalArgumentException("a model handle is provider/model, got '" + handle + "'");
        }
        String provider = handle.substring(0, slash);
        String model = handle.substring(slash + 1);
        ObjectNode entry = JSON.createObjectNode().put("handle", handle).put("model", model).put("name", model)
                .put("display_name", handle).put("model_endpoint_type", provider).put("provider_type", provider)
                .put("provider_name", provider).put("provider_category", "base").put("context_window", contextWindow)
                .put("max_context_window", contextWindow);
        locked(() -> models.put(handle, entry));
    }

    ArrayNode models() {
        return locked(() -> array(models.values()));
    }

    String defaultModel() {
        return locked(() -> models.keySet().stream().findFirst().orElse("anthropic/fake-claude"));
    }

    int contextWindow(String handle) {
        return locked(() -> Optional.ofNullable(models.get(handle)).map(m -> m.path("context_window").asInt())
                .orElse(128000));
    }

    // ---- agents and blocks -----------------------------------------------------------------------------------

    /**
     * Creates an agent from a {@code CreateAgentRequest} body: memory blocks become stored blocks, known
     * {@code block_ids} are attached (unknown ones skipped), {@code tools} and {@code tool_ids} go to the tools'
     * store, {@code context_window_limit} becomes the window of its {@code llm_config}.
     */
    ObjectNode createAgent(JsonNode body) {
        return locked(() -> {
            String id = newId("agent");
            String model = body.path("model").isString() ? body.path("model").stringValue() : defaultModel();
            ObjectNode agent = JSON.createObjectNode().put("id", id)
                    .put("name", body.path("name").asString("agent"));
            agent.set("description", body.path("description").isMissingNode() ? JSON.nullNode()
                    : body.get("description").deepCopy());
            agent.put("system", body.path("system").asString(""))
                    .put("agent_type", body.path("agent_type").asString("letta_v1_agent"));
            agent.set("tools", JSON.createArrayNode());
            agent.set("tags", body.path("tags").isArray() ? body.get("tags").deepCopy() : JSON.createArrayNode());
            agent.set("metadata", body.path("metadata").isObject() ? body.get("metadata").deepCopy()
                    : JSON.createObjectNode());
            agent.set("embedding", body.path("embedding").isMissingNode() ? JSON.nullNode()
                    : body.get("embedding").deepCopy());
            ArrayNode blockIds = agent.putArray("block_ids");
            for (JsonNode create : body.path("memory_blocks")) {
                blockIds.add(createBlock(create).get("id").stringValue());
            }
            for (JsonNode blockId : body.path("block_ids")) {
                if (blocks.containsKey(blockId.asString())) {
                    blockIds.add(blockId.asString());
                }
            }
            for (String field : List.of("message_ids", "tool_rules", "sources", "secrets",
                    "tool_exec_environment_variables")) {
                agent.putArray(field);
            }
            agent.put("created_at", now()).put("updated_at", now());
            setModel(agent, model, body.path("model_settings"));
            if (body.path("context_window_limit").isInt()) {
                ((ObjectNode) agent.get("llm_config")).put("context_window",
                        body.get("context_window_limit").intValue());
            }
            agent.put("enable_sleeptime", body.path("enable_sleeptime").asBoolean(false));
            agents.put(id, agent);
            attachTools.accept(id, body);
            if (agent.get("enable_sleeptime").booleanValue()) {
                sleeptime.enable(id);
            }
            return render(agent);
        });
    }

    /** Applies an {@code UpdateAgent} body; unknown fields are stored as sent. */
    Optional<ObjectNode> updateAgent(String id, JsonNode patch) {
        return locked(() -> {
            ObjectNode agent = agents.get(id);
            if (agent == null) {
                return Optional.empty();
            }
            patch.propertyStream().forEach(e -> {
                switch (e.getKey()) {
                    case "model" -> setModel(agent, e.getValue().asString(), patch.path("model_settings"));
                    case "block_ids" -> agent.set("block_ids", e.getValue().deepCopy());
                    case "memory", "blocks", "id", "created_at" -> { }
                    default -> agent.set(e.getKey(), e.getValue().deepCopy());
                }
            });
            agent.put("updated_at", now());
            if (patch.path("enable_sleeptime").asBoolean(false)) {
                sleeptime.enable(id);
            }
            return Optional.of(render(agent));
        });
    }

    Optional<ObjectNode> agent(String id) {
        return locked(() -> Optional.ofNullable(agents.get(id)).map(this::render));
    }

    boolean hasAgent(String id) {
        return locked(() -> agents.containsKey(id));
    }

    List<ObjectNode> agents() {
        return locked(() -> agents.values().stream().map(this::render).toList());
    }

    boolean deleteAgent(String id) {
        return locked(() -> agents.remove(id) != null);
    }

    ObjectNode createBlock(JsonNode body) {
        return locked(() -> {
            ObjectNode block = JSON.createObjectNode().put("id", newId("block"))
                    .put("label", body.path("label").asString("block")).put("value", body.path("value").asString(""))
                    .put("limit", body.path("limit").asInt(100000));
            block.set("description", body.path("description").isString() ? body.get("description").deepCopy()
                    : JSON.nullNode());
            block.put("read_only", body.path("read_only").asBoolean(false));
            block.set("metadata", body.path("metadata").isObject() ? body.get("metadata").deepCopy()
                    : JSON.createObjectNode());
            block.set("tags", body.path("tags").isArray() ? body.get("tags").deepCopy() : JSON.createArrayNode());
            block.put("created_at", now()).put("updated_at", now());
            blocks.put(block.get("id").stringValue(), block);
            return block.deepCopy();
        });
    }

    /** The blocks of an agent, in attach order. */
    List<ObjectNode> agentBlocks(String agentId) {
        return locked(() -> {
            List<ObjectNode> found = new ArrayList<>();
            ObjectNode agent = agents.get(agentId);
            if (agent != null) {
                agent.path("block_ids").forEach(id -> Optional.ofNullable(blocks.get(id.asString()))
                        .ifPresent(b -> found.add(b.deepCopy())));
            }
            return found;
        });
    }

    Optional<ObjectNode> agentBlock(String agentId, String label) {
        return agentBlocks(agentId).stream().filter(b -> label.equals(b.path("label").asString())).findFirst();
    }

    Optional<ObjectNode> block(String id) {
        return locked(() -> Optional.ofNullable(blocks.get(id)).map(ObjectNode::deepCopy));
    }

    List<ObjectNode> blocks() {
        return locked(() -> blocks.values().stream().map(ObjectNode::deepCopy).toList());
    }

    Optional<ObjectNode> updateBlock(String id, JsonNode patch) {
        return locked(() -> {
            ObjectNode block = blocks.get(id);
            if (block == null) {
                return Optional.empty();
            }
            patch.propertyStream().filter(e -> !e.getKey().equals("id"))
                    .forEach(e -> block.set(e.getKey(), e.getValue().deepCopy()));
            block.put("updated_at", now());
            return Optional.of(block.deepCopy());
        });
    }

    boolean deleteBlock(String id) {
        return locked(() -> {
            agents.values().forEach(a -> detachBlock(a, id));
            return blocks.remove(id) != null;
        });
    }

    /** Attaches ({@code attach}) or detaches a block; empty when agent or block is unknown. */
    Optional<ObjectNode> attachBlock(String agentId, String blockId, boolean attach) {
        return locked(() -> {
            ObjectNode agent = agents.get(agentId);
            if (agent == null || !blocks.containsKey(blockId)) {
                return Optional.empty();
            }
            detachBlock(agent, blockId);
            if (attach) {
                ((ArrayNode) agent.get("block_ids")).add(blockId);
            }
            return Optional.of(render(agent));
        });
    }

    private static void detachBlock(ObjectNode agent, String blockId) {
        ArrayNode ids = (ArrayNode) agent.get("block_ids");
        for (int i = ids.size() - 1; i >= 0; i--) {
            if (blockId.equals(ids.get(i).asString())) {
                ids.remove(i);
            }
        }
    }

    private void setModel(ObjectNode agent, String handle, JsonNode settings) {
        int slash = handle.indexOf('/');
        String provider = slash > 0 ? handle.substring(0, slash) : "openai";
        String model = slash > 0 ? handle.substring(slash + 1) : handle;
        agent.put("model", handle);
        agent.putObject("llm_config").put("model", model).put("model_endpoint_type", provider)
                .put("handle", handle).put("model_endpoint", "http://127.0.0.1/v1")
                .put("context_window", contextWindow(handle));
        agent.set("model_settings", settings.isObject() ? settings.deepCopy()
                : JSON.createObjectNode().put("provider_type", provider));
    }

    /** The AgentState as returned: the stored object plus its blocks under {@code memory} and {@code blocks}. */
    /** The {@code AgentState} of a stored agent; its block ids are the fake's own bookkeeping, not a field. */
    private ObjectNode render(ObjectNode agent) {
        ObjectNode copy = agent.deepCopy();
        copy.remove("block_ids");
        ArrayNode blockArray = array(agentBlocks(agent.get("id").stringValue()));
        copy.set("blocks", blockArray);
        copy.set("tools", toolsOf.apply(agent.get("id").stringValue()));
        JsonNode managed = sleeptime.groupOf(agent.get("id").stringValue());
        copy.set("managed_group", managed);
        copy.set("multi_agent_group", managed.deepCopy());
        ObjectNode memory = copy.putObject("memory");
        memory.set("blocks", blockArray.deepCopy());
        memory.putArray("file_blocks");
        memory.put("prompt_template", "");
        return copy;
    }

    static ArrayNode array(Iterable<? extends JsonNode> items) {
        ArrayNode array = JSON.createArrayNode();
        items.forEach(item -> array.add(item.deepCopy()));
        return array;
    }
}

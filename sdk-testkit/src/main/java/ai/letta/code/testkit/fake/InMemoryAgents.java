package ai.letta.code.testkit.fake;

import ai.letta.code.api.Dreaming;
import ai.letta.code.api.agent.AgentFilter;
import ai.letta.code.api.agent.AgentInfo;
import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.agent.MemoryBlock;
import ai.letta.code.api.agent.SystemPrompt;
import ai.letta.code.api.conversation.Page;
import ai.letta.code.api.conversation.PageRequest;
import ai.letta.code.api.exception.AgentNotFoundException;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.exception.NotFoundException;
import ai.letta.code.internal.Checks;
import ai.letta.code.spi.AgentsWithoutLettaApi;
import ai.letta.code.spi.WireNames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The fake's agents ({@code agent-<uuid>}) with their memory blocks, system prompt, model and dreaming settings.
 * Each agent gets a default conversation with a real id when it is created, so {@code resumeSession(agentId)}
 * never sees the {@code default} alias. It plays the remote backend: agents change only through sessions, and of
 * the Letta API's agent calls and create options it offers only what the app server passes through (filtered
 * lists, counts, the context window limit). Thread-safe (every method holds the monitor; nothing inside blocks).
 */
final class InMemoryAgents extends AgentsWithoutLettaApi {

    private final InMemoryConversations conversations;
    private final InMemoryModels models;
    private final Map<String, Agent> agents = new LinkedHashMap<>();
    private String lastUsed;

    InMemoryAgents(InMemoryConversations conversations, InMemoryModels models) {
        super(BackendKind.REMOTE);
        this.conversations = conversations;
        this.models = models;
        conversations.agentLookup(this::exists);
    }

    @Override
    public synchronized String create(AgentOptions options) {
        refuseUnsupported(Objects.requireNonNull(options, "options"), Set.of(ApiOption.CONTEXT_WINDOW_LIMIT));
        String base = options.systemPrompt().map(InMemoryAgents::basePrompt).orElse(presetText("default"));
        String model = options.model().map(m -> models.requireOffered(m, "AgentOptions.model"))
                .orElse(InMemoryModels.DEFAULT_MODEL);
        Agent agent = new Agent("agent-" + UUID.randomUUID(), options.name().orElse(null), options.description().orElse(null), model, base,
                options.tags(), Instant.now());
        for (MemoryBlock block : options.allBlocks()) {
            agent.blocks.put(block.label(), stored(block));
        }
        agents.put(agent.id, agent);
        agent.defaultConversation = conversations.create(agent.id).id();
        lastUsed = agent.id;
        return agent.id;
    }

    @Override
    public synchronized AgentInfo get(String agentId) {
        Agent a = require(agentId);
        return new AgentInfo(a.id, a.name, a.description, a.model, compile(a), a.tags,
                List.copyOf(a.blocks.values()), a.createdAt);
    }

    @Override
    public synchronized Page<AgentInfo> list(PageRequest page) {
        List<AgentInfo> all = new ArrayList<>();
        agents.keySet().forEach(id -> all.add(get(id)));
        return Paging.page(all, AgentInfo::id, page);
    }

    @Override
    public synchronized Page<AgentInfo> list(AgentFilter filter, PageRequest page) {
        Checks.requireNonNull(filter, "filter");
        List<AgentInfo> kept = agents.keySet().stream().map(this::get)
                .filter(a -> keeps(filter, a)).toList();
        return Paging.page(kept, AgentInfo::id, page);
    }

    @Override
    public synchronized int count(AgentFilter filter) {
        Checks.requireNonNull(filter, "filter");
        return (int) agents.keySet().stream().map(this::get).filter(a -> keeps(filter, a)).count();
    }

    private static boolean keeps(AgentFilter filter, AgentInfo agent) {
        return filter.name().map(n -> agent.name().map(n::equals).orElse(false)).orElse(true)
                && filter.queryText().map(q -> agent.name().map(n -> n.contains(q)).orElse(false)).orElse(true)
                && (filter.tags().isEmpty() || (filter.matchAllTags() ? agent.tags().containsAll(filter.tags())
                        : filter.tags().stream().anyMatch(agent.tags()::contains)));
    }

    @Override
    public synchronized void delete(String agentId) {
        require(agentId);
        agents.remove(agentId);
        conversations.deleteAll(agentId);
        if (agentId.equals(lastUsed)) {
            lastUsed = null;
        }
    }

    /** The agent's blocks, for {@link InMemoryBlocks}. */
    synchronized List<MemoryBlock> list(String agentId) {
        return List.copyOf(require(agentId).blocks.values());
    }

    synchronized MemoryBlock get(String agentId, String label) {
        MemoryBlock block = require(agentId).blocks.get(label);
        if (block == null) {
            throw new NotFoundException("agent " + agentId + " has no memory block labelled '" + label + "'");
        }
        return block;
    }

    /** Replaces the parts of an agent's block that are given ({@code null}: kept). */
    synchronized MemoryBlock update(String agentId, String label, String value, String description, Integer limit,
            Boolean readOnly) {
        MemoryBlock old = get(agentId, label);
        MemoryBlock updated = new MemoryBlock(label, value == null ? old.value() : value,
                description == null ? old.description().orElse(null) : description,
                limit == null ? old.limit().orElse(0) : limit, readOnly == null ? old.readOnly() : readOnly,
                old.id().orElse(null));
        agents.get(agentId).blocks.put(label, updated);
        return updated;
    }

    /** @return the agent a session without agent id uses: the last one used, else a new one */
    synchronized String defaultAgent() {
        if (lastUsed == null || !agents.containsKey(lastUsed)) {
            create(AgentOptions.builder().name("letta-code-default").build());
        }
        return lastUsed;
    }

    /** @param agentId an agent a session opened on (it becomes the default agent) */
    synchronized void used(String agentId) {
        require(agentId);
        lastUsed = agentId;
    }

    synchronized boolean exists(String agentId) {
        return agentId != null && agents.containsKey(agentId);
    }

    synchronized String defaultConversation(String agentId) {
        return require(agentId).defaultConversation;
    }

    synchronized String model(String agentId) {
        return require(agentId).model;
    }

    synchronized void model(String agentId, String handle) {
        require(agentId).model = handle;
    }

    synchronized String systemPrompt(String agentId) {
        return compile(require(agentId));
    }

    synchronized Dreaming dreaming(String agentId) {
        return require(agentId).dreaming;
    }

    synchronized void dreaming(String agentId, Dreaming dreaming) {
        require(agentId).dreaming = dreaming;
    }

    private Agent require(String agentId) {
        Agent agent = agentId == null ? null : agents.get(agentId);
        if (agent == null) {
            throw new AgentNotFoundException("agent " + agentId + " does not exist; create it with createAgent()");
        }
        return agent;
    }

    private static MemoryBlock stored(MemoryBlock block) {
        return new MemoryBlock(block.label(), block.value(), block.description().orElse(null), block.limit().orElse(0), block.readOnly(),
                "block-" + UUID.randomUUID());
    }

    private static String basePrompt(SystemPrompt prompt) {
        if (prompt instanceof SystemPrompt.Custom custom) {
            return custom.text();
        }
        String name = ((SystemPrompt.Preset) prompt).name();
        if (!WireNames.SDK_PRESETS.contains(name)) {
            throw new ConfigurationException("SystemPrompt.preset \"" + name + "\" is not a preset of this backend; "
                    + "use one of " + WireNames.SDK_PRESETS + " or SystemPrompt.custom(text)");
        }
        return presetText(name);
    }

    private static String presetText(String name) {
        return "You are Letta Code, a coding agent with persistent memory. (system prompt preset: " + name + ")";
    }

    /** The prompt as the model sees it: the base prompt, then the memory blocks, as Letta compiles them. */
    private static String compile(Agent agent) {
        StringBuilder prompt = new StringBuilder(agent.system).append("\n\n<memory_blocks>\n");
        for (MemoryBlock block : agent.blocks.values()) {
            prompt.append('<').append(block.label()).append(">\n").append(block.value()).append("\n</")
                    .append(block.label()).append(">\n");
        }
        return prompt.append("</memory_blocks>").toString();
    }

    /** One stored agent; guarded by the store's monitor. */
    private static final class Agent {
        final String id;
        final String name;
        final String description;
        final String system;
        final List<String> tags;
        final Instant createdAt;
        final Map<String, MemoryBlock> blocks = new LinkedHashMap<>();
        String model;
        String defaultConversation;
        Dreaming dreaming;

        Agent(String id, String name, String description, String model, String system, List<String> tags,
              Instant createdAt) {
            this.id = id;
            this.name = name;
            this.description = description;
            this.model = model;
            this.system = system;
            this.tags = List.copyOf(tags);
            this.createdAt = createdAt;
        }
    }
}

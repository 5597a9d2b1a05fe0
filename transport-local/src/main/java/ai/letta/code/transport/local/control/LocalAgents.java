package ai.letta.code.transport.local.control;

import ai.letta.code.api.agent.AgentInfo;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.agent.MemoryBlock;
import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.backend.CliBackend;
import ai.letta.code.api.backend.LocalOptions;
import ai.letta.code.api.conversation.Page;
import ai.letta.code.api.conversation.PageRequest;
import ai.letta.code.api.exception.AgentNotFoundException;
import ai.letta.code.api.exception.UnsupportedFeatureException;
import ai.letta.code.spi.AgentsWithoutLettaApi;
import ai.letta.code.transport.local.process.LaunchSpec;
import ai.letta.code.transport.local.wire.NdjsonCodec;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Agents of the local CLI. {@link #create} runs a short-lived {@code --new-agent} stdio process configured by
 * the flags 0.32.18 still has (model, system prompt, tags) and reads the new id from its {@code system/init}
 * (local-stdio.md §2.5). What no flag sets (persona, human and custom blocks, name, description) is then written
 * where the agent lives: on the CLI's local backend ({@code agent-local-…} ids) into its files
 * ({@link LocalAgentFiles}), in API mode on the Letta server through its REST API ({@link LettaApiAgentEditor}).
 * {@link #get} and {@link #list} read {@code letta agents list}. No flag of the CLI carries what only the Letta
 * API's create body has (blocks or tools to attach, metadata, sleep-time, a context window limit), so those are
 * refused before the process is spawned, as are the Letta API's other agent calls ({@link AgentsWithoutLettaApi}).
 */
public final class LocalAgents extends AgentsWithoutLettaApi {

    /** The CLI's default Letta API when {@code LETTA_BASE_URL} is unset (local-stdio.md §2.2). */
    private static final String DEFAULT_LETTA_API = "https://api.letta.com";

    /** The id prefix of agents on the CLI's local backend (offline-peers.md §4.7). */
    static final String LOCAL_AGENT_PREFIX = "agent-local-";

    private final Function<AgentOptions, String> spawnNewAgent;
    private final Supplier<CliSubcommand> cli;
    private final Supplier<LocalAgentFiles> files;
    private final Supplier<Optional<LettaApiAgentEditor>> api;

    /**
     * @param spawnNewAgent runs the {@code --new-agent} process, returns the id
     * @param cli runs JSON subcommands
     * @param files the local backend's agent files
     * @param api the Letta API the CLI uses in API mode, if known
     */
    LocalAgents(Function<AgentOptions, String> spawnNewAgent, Supplier<CliSubcommand> cli,
            Supplier<LocalAgentFiles> files, Supplier<Optional<LettaApiAgentEditor>> api) {
        super(BackendKind.LOCAL);
        this.spawnNewAgent = spawnNewAgent;
        this.cli = cli;
        this.files = files;
        this.api = api;
    }

    /**
     * @param options the local backend's options
     * @param spawnNewAgent runs the {@code --new-agent} process, returns the id
     * @param launch how to launch the CLI, resolved on first use
     * @return the agents of the CLI that {@code launch} starts
     */
    public static LocalAgents of(LocalOptions options, Function<AgentOptions, String> spawnNewAgent,
            Supplier<LaunchSpec> launch) {
        return new LocalAgents(spawnNewAgent, () -> new CliSubcommand(launch.get(), options.requestTimeout()),
                () -> agentFiles(launch.get()), () -> lettaApi(options, launch));
    }

    private static LocalAgentFiles agentFiles(LaunchSpec spec) {
        String dir = spec.env().get("LETTA_LOCAL_BACKEND_DIR");
        String home = spec.env().getOrDefault("HOME", System.getProperty("user.home"));
        return new LocalAgentFiles(dir != null && !dir.isBlank() ? Path.of(dir)
                : Path.of(home).resolve(".letta").resolve("lc-local-backend"), spec.env());
    }

    /** The Letta API the CLI talks to in API mode: the explicit one, else the one its environment names. */
    private static Optional<LettaApiAgentEditor> lettaApi(LocalOptions options, Supplier<LaunchSpec> launch) {
        if (options.cliBackend() instanceof CliBackend.LettaApi api) {
            return Optional.of(new LettaApiAgentEditor(api, options.requestTimeout()));
        }
        Map<String, String> env = launch.get().env();
        String key = env.get("LETTA_API_KEY");
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        String url = env.getOrDefault("LETTA_BASE_URL", DEFAULT_LETTA_API);
        return Optional.of(new LettaApiAgentEditor((CliBackend.LettaApi) CliBackend.lettaApi(
                URI.create(url.isBlank() ? DEFAULT_LETTA_API : url), key), options.requestTimeout()));
    }

    @Override
    public String create(AgentOptions options) {
        String agentId = spawnNewAgent.apply(refuseUnsupported(options, Set.of()));
        List<MemoryBlock> blocks = options.allBlocks();
        if (blocks.isEmpty() && options.name().isEmpty() && options.description().isEmpty()) {
            return agentId;
        }
        if (agentId.startsWith(LOCAL_AGENT_PREFIX)) {
            LocalAgentFiles local = files.get();
            local.rename(agentId, options.name().orElse(null), options.description().orElse(null));
            if (!blocks.isEmpty()) {
                local.writeBlocks(agentId, blocks);
            }
            return agentId;
        }
        try (LettaApiAgentEditor editor = api.get().orElseThrow(() -> new UnsupportedFeatureException("createAgent"
                + " with persona, human, memory blocks, name or description when the CLI picks its backend by itself"
                + " and no LETTA_API_KEY is visible to this SDK (agent " + agentId + " was created without them):"
                + " choose CliBackend.lettaApi(url, key) or CliBackend.localModels()", BackendKind.LOCAL,
                Set.of(BackendKind.REMOTE, BackendKind.CLOUD)))) {
            editor.rename(agentId, options.name().orElse(null), options.description().orElse(null));
            editor.writeBlocks(agentId, blocks);
        }
        return agentId;
    }

    @Override
    public AgentInfo get(String agentId) {
        for (AgentInfo agent : all()) {
            if (agent.id().equals(agentId)) {
                return agent;
            }
        }
        throw new AgentNotFoundException("no agent " + agentId + " in `letta agents list` of this CLI's backend");
    }

    @Override
    public Page<AgentInfo> list(PageRequest page) {
        return new Page<>(all(), null, false);
    }

    @Override
    public void delete(String agentId) {
        throw new UnsupportedFeatureException("deleteAgent (the Letta Code CLI has no subcommand for it)",
                BackendKind.LOCAL, Set.of(BackendKind.CLOUD));
    }

    private List<AgentInfo> all() {
        JsonNode out = cli.get().run(List.of("agents", "list"));
        JsonNode items = out.isArray() ? out : out.path("items");
        List<AgentInfo> agents = new ArrayList<>();
        for (JsonNode a : items.values()) {
            List<String> tags = new ArrayList<>();
            a.path("tags").values().forEach(t -> tags.add(t.asString()));
            agents.add(new AgentInfo(NdjsonCodec.text(a, "id"), NdjsonCodec.text(a, "name"),
                    NdjsonCodec.text(a, "description"), NdjsonCodec.text(a, "model"), NdjsonCodec.text(a, "system"),
                    tags, List.of(), instant(NdjsonCodec.text(a, "created_at"))));
        }
        return agents;
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

package ai.letta.code.transport.local;

import ai.letta.code.api.agent.AgentInfo;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.conversation.Page;
import ai.letta.code.api.conversation.PageRequest;
import ai.letta.code.api.exception.AgentNotFoundException;
import ai.letta.code.api.exception.UnsupportedFeatureException;
import ai.letta.code.api.port.AgentPort;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Agents of the local CLI. {@link #create} runs a short-lived {@code --new-agent} stdio process configured by
 * the flags 0.32.18 still has (model, system prompt, tags) and reads the new id from its {@code system/init}
 * (local-stdio.md §2.5); memory blocks are then written by {@link MemfsBlocks} on the local backend.
 * {@link #get} and {@link #list} read {@code letta agents list}.
 */
final class LocalAgents implements AgentPort {

    private final Function<AgentOptions, String> spawnNewAgent;
    private final Supplier<CliSubcommand> cli;
    private final Supplier<MemfsBlocks> memfs;

    LocalAgents(Function<AgentOptions, String> spawnNewAgent, Supplier<CliSubcommand> cli,
            Supplier<MemfsBlocks> memfs) {
        this.spawnNewAgent = spawnNewAgent;
        this.cli = cli;
        this.memfs = memfs;
    }

    @Override
    public String create(AgentOptions options) {
        MemfsBlocks blocks = options.allBlocks().isEmpty() ? null : memfs.get();
        if (blocks != null && !blocks.available()) {
            throw new UnsupportedFeatureException("createAgent with persona, human or memory blocks (the CLI's stdio"
                    + " flags cannot set them; this SDK writes them into the agent's memory repository, which only"
                    + " the CLI's local backend keeps: use CliBackend.localModels())", BackendKind.LOCAL,
                    Set.of(BackendKind.REMOTE, BackendKind.CLOUD));
        }
        String agentId = spawnNewAgent.apply(options);
        if (blocks != null) {
            blocks.write(agentId, options.allBlocks());
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

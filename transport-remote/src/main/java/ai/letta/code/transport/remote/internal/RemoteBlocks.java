package ai.letta.code.transport.remote.internal;

import ai.letta.code.api.agent.BlockCreate;
import ai.letta.code.api.agent.BlockFilter;
import ai.letta.code.api.agent.BlockUpdate;
import ai.letta.code.api.agent.MemoryBlock;
import ai.letta.code.api.conversation.Page;
import ai.letta.code.api.conversation.PageRequest;
import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.exception.NotFoundException;
import ai.letta.code.api.exception.UnsupportedFeatureException;
import ai.letta.code.api.agent.Blocks;
import ai.letta.code.internal.Checks;
import ai.letta.code.spi.Unsupported;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Memory blocks. An agent with memory files (memfs: every local-backend agent) keeps each core block as
 * {@code system/<label>.md} with a front matter carrying its description, read with {@code list_memory} and written
 * with {@code write_memory_file}. An agent without them (API mode against a Letta server without git memory) keeps
 * its blocks on the Letta server, read from the agent ({@code agent_retrieve}); the app server has no command that
 * writes those. Verified on CLI 0.32.18. Standalone blocks, attaching by id and counting are Letta API resources
 * the app server has no command for: they throw naming the cloud backend.
 */
public final class RemoteBlocks implements Blocks {

    private static final String SYSTEM_DIR = "system/";
    private static final String SUFFIX = ".md";

    private final ServerConnection connection;

    /** @param connection the client's shared connection */
    public RemoteBlocks(ServerConnection connection) {
        this.connection = connection;
    }

    @Override
    public List<MemoryBlock> list(String agentId) {
        return memoryFiles(agentId).orElseGet(() -> DomainMapping.blocks(RemoteAgents.retrieve(connection, agentId)));
    }

    @Override
    public MemoryBlock get(String agentId, String label) {
        Checks.requireText(label, "label");
        return list(agentId).stream().filter(b -> b.label().equals(label)).findFirst()
                .orElseThrow(() -> new NotFoundException("agent " + agentId + " has no memory block '" + label + "'"));
    }

    @Override
    public MemoryBlock update(String agentId, String label, String value) {
        Checks.requireNonNull(value, "value");
        return write(agentId, label, value, null);
    }

    /**
     * Writes the block's memory file: the text and the description (its front matter) are what a memory file
     * holds; the other parts of a block (limit, label, read-only, tags, metadata) live only on a Letta API server.
     */
    @Override
    public MemoryBlock update(String agentId, String label, BlockUpdate update) {
        Checks.requireNonNull(update, "update");
        String part = update.limit().isPresent() ? "limit" : update.label().isPresent() ? "label"
                : update.readOnly().isPresent() ? "readOnly" : update.tags().isPresent() ? "tags"
                : update.metadata().isPresent() ? "metadata" : null;
        if (part != null) {
            throw Unsupported.feature("blocks().update(BlockUpdate." + part + ") (a memory file holds a block's"
                    + " text and description only)", connection.backendKind());
        }
        return write(agentId, label, update.value().orElse(null), update.description().orElse(null));
    }

    @Override
    public void attach(String agentId, String blockId) {
        throw Unsupported.feature("blocks().attach", connection.backendKind());
    }

    @Override
    public void detach(String agentId, String blockId) {
        throw Unsupported.feature("blocks().detach", connection.backendKind());
    }

    @Override
    public MemoryBlock create(BlockCreate create) {
        throw Unsupported.feature("blocks().create", connection.backendKind());
    }

    @Override
    public MemoryBlock get(String blockId) {
        throw Unsupported.feature("blocks().get(blockId)", connection.backendKind());
    }

    @Override
    public MemoryBlock update(String blockId, BlockUpdate update) {
        throw Unsupported.feature("blocks().update(blockId, BlockUpdate)", connection.backendKind());
    }

    @Override
    public void delete(String blockId) {
        throw Unsupported.feature("blocks().delete", connection.backendKind());
    }

    @Override
    public Page<MemoryBlock> list(BlockFilter filter, PageRequest page) {
        throw Unsupported.feature("blocks().list(BlockFilter, PageRequest)", connection.backendKind());
    }

    @Override
    public int count(BlockFilter filter) {
        throw Unsupported.feature("blocks().count", connection.backendKind());
    }

    /** Writes {@code system/<label>.md}; a {@code null} value or description keeps the current one. */
    private MemoryBlock write(String agentId, String label, String value, String description) {
        Checks.requireText(agentId, "agentId");
        Checks.requireText(label, "label");
        if (label.contains("/") || label.contains("..")) {
            throw new ConfigurationException("memory block label must be a plain name (got \"" + label + "\")");
        }
        List<MemoryBlock> current = memoryFiles(agentId).orElseThrow(() -> new UnsupportedFeatureException(
                "updating a memory block of an agent without memory files (agent " + agentId + " keeps its blocks"
                        + " on the Letta server behind the app server, which has no command that writes them)",
                connection.backendKind(), connection.backendKind() == BackendKind.LOCAL ? Set.of(BackendKind.CLOUD)
                        : Set.of(BackendKind.LOCAL, BackendKind.CLOUD)));
        Optional<MemoryBlock> old = current.stream().filter(b -> b.label().equals(label)).findFirst();
        if (value == null) {
            value = old.map(MemoryBlock::value).orElseThrow(() -> new NotFoundException("agent " + agentId
                    + " has no memory block '" + label + "' (an update without a value cannot create one)"));
        }
        if (description == null) {
            description = old.flatMap(MemoryBlock::description).orElse(null);
        }
        Map<String, Object> command = Commands.command("write_memory_file",
                connection.correlator().nextRequestId("wm"));
        command.put("agent_id", agentId);
        command.put("path", SYSTEM_DIR + label + SUFFIX);
        command.put("content", "---\ndescription: " + (description == null ? "Memory block " + label : description)
                + "\n---\n" + value);
        command.put("commit_message", "Update memory block " + label);
        connection.call(command, "write_memory_file_response");
        return get(agentId, label);
    }

    /**
     * @param agentId the agent
     * @return its blocks from its memory files, or empty when it has none (memfs off)
     */
    Optional<List<MemoryBlock>> memoryFiles(String agentId) {
        Checks.requireText(agentId, "agentId");
        Map<String, Object> command = Commands.command("list_memory", connection.correlator().nextRequestId("lm"));
        command.put("agent_id", agentId);
        // The answer comes in chunks of at most five entries, the last with done:true (CLI 0.32.18); the matcher
        // runs on the event loop in arrival order, so it collects them.
        List<JsonNode> entries = new ArrayList<>();
        ServerFrame last = connection.call(command, f -> {
            if (!f.type().equals("list_memory_response")) {
                return false;
            }
            synchronized (entries) {
                f.json().path("entries").forEach(entries::add);
            }
            return !f.succeeded() || f.json().path("done").asBoolean(true);
        });
        if (!last.json().path("memfs_enabled").asBoolean(true)) {
            return Optional.empty();
        }
        List<MemoryBlock> blocks = new ArrayList<>();
        synchronized (entries) {
            for (JsonNode entry : entries) {
                block(entry).ifPresent(blocks::add);
            }
        }
        return Optional.of(blocks);
    }

    private static Optional<MemoryBlock> block(JsonNode entry) {
        String path = Json.text(entry, "relative_path");
        if (path == null || !path.startsWith(SYSTEM_DIR) || !path.endsWith(SUFFIX)
                || path.indexOf('/', SYSTEM_DIR.length()) >= 0) {
            return Optional.empty();
        }
        String label = path.substring(SYSTEM_DIR.length(), path.length() - SUFFIX.length());
        String content = Json.text(entry, "content");
        return Optional.of(new MemoryBlock(label, content == null ? "" : content, Json.text(entry, "description"), 0,
                false, null));
    }
}

package ai.letta.code.transport.remote.internal;

import ai.letta.code.api.agent.MemoryBlock;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.exception.NotFoundException;
import ai.letta.code.api.port.BlockPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Memory blocks through the agent's memory files: the app server keeps each core block as
 * {@code system/<label>.md} with a front matter carrying its description ({@code list_memory},
 * {@code write_memory_file}; verified on CLI 0.32.18).
 */
public final class RemoteBlocks implements BlockPort {

    private static final String SYSTEM_DIR = "system/";
    private static final String SUFFIX = ".md";

    private final ServerConnection connection;

    /** @param connection the client's shared connection */
    public RemoteBlocks(ServerConnection connection) {
        this.connection = connection;
    }

    @Override
    public List<MemoryBlock> list(String agentId) {
        ConfigurationException.requireText(agentId, "agentId");
        Map<String, Object> command = Commands.command("list_memory", connection.correlator().nextRequestId("lm"));
        command.put("agent_id", agentId);
        ServerFrame frame = connection.call(command, "list_memory_response");
        List<MemoryBlock> blocks = new ArrayList<>();
        for (JsonNode entry : frame.json().path("entries")) {
            String path = Json.text(entry, "relative_path");
            if (path != null && path.startsWith(SYSTEM_DIR) && path.endsWith(SUFFIX)
                    && path.indexOf('/', SYSTEM_DIR.length()) < 0) {
                String label = path.substring(SYSTEM_DIR.length(), path.length() - SUFFIX.length());
                String content = Json.text(entry, "content");
                blocks.add(new MemoryBlock(label, content == null ? "" : content, Json.text(entry, "description"), 0,
                        false, null));
            }
        }
        return blocks;
    }

    @Override
    public MemoryBlock get(String agentId, String label) {
        ConfigurationException.requireText(label, "label");
        return list(agentId).stream().filter(b -> b.label().equals(label)).findFirst()
                .orElseThrow(() -> new NotFoundException("agent " + agentId + " has no memory block '" + label + "'"));
    }

    @Override
    public MemoryBlock update(String agentId, String label, String value) {
        ConfigurationException.requireText(agentId, "agentId");
        ConfigurationException.requireText(label, "label");
        ConfigurationException.requireNonNull(value, "value");
        if (label.contains("/") || label.contains("..")) {
            throw new ConfigurationException("memory block label must be a plain name (got \"" + label + "\")");
        }
        String description = list(agentId).stream().filter(b -> b.label().equals(label)).findFirst()
                .map(MemoryBlock::description).orElse(null);
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
}

package ai.letta.code.testkit.fakeapi;

import static ai.letta.code.testkit.fakeapi.LettaStore.JSON;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Agent files ({@code AgentFileSchema}) of the fake's agents, as a Letta server writes and reads them: ids local to
 * the file ({@code agent-0}, {@code block-0}, {@code tool-0}) that the agents' {@code block_ids} and
 * {@code tool_ids} refer to; an import makes new blocks, tools (upserted by name unless told not to) and agents.
 * Messages are neither written nor read: the fake keeps no server-side {@code Message}s.
 */
final class AgentFiles {

    /** The agent fields an agent file carries over as they are. */
    private static final List<String> AGENT_FIELDS = List.of("name", "description", "system", "agent_type",
            "tags", "metadata", "model", "embedding", "enable_sleeptime");
    private static final List<String> BLOCK_FIELDS = List.of("label", "value", "limit", "description",
            "read_only", "metadata", "tags");
    private static final List<String> TOOL_FIELDS = List.of("name", "description", "tags", "source_code",
            "source_type", "json_schema", "tool_type", "return_char_limit", "default_requires_approval");

    /** A document the import cannot take; the route answers 400 with the message, as the server does. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    private final LettaStore store;
    private final ToolStore tools;

    AgentFiles(LettaStore store, ToolStore tools) {
        this.store = store;
        this.tools = tools;
    }

    /** @return the agent's file, or empty when the agent is unknown */
    Optional<ObjectNode> export(String agentId) {
        return store.agent(agentId).map(agent -> {
            ObjectNode file = JSON.createObjectNode();
            ObjectNode entry = JSON.createObjectNode().put("id", "agent-0");
            AGENT_FIELDS.forEach(field -> copy(agent, entry, field));
            entry.put("context_window_limit", agent.path("llm_config").path("context_window").asInt(128000));
            ArrayNode blocks = JSON.createArrayNode();
            ArrayNode blockIds = entry.putArray("block_ids");
            for (JsonNode block : store.agentBlocks(agentId)) {
                ObjectNode written = JSON.createObjectNode().put("id", "block-" + blocks.size());
                BLOCK_FIELDS.forEach(field -> copy(block, written, field));
                blocks.add(written);
                blockIds.add(written.get("id").stringValue());
            }
            ArrayNode toolList = JSON.createArrayNode();
            ArrayNode toolIds = entry.putArray("tool_ids");
            for (JsonNode tool : tools.attachedTo(agentId)) {
                ObjectNode written = JSON.createObjectNode().put("id", "tool-" + toolList.size());
                TOOL_FIELDS.forEach(field -> copy(tool, written, field));
                toolList.add(written);
                toolIds.add(written.get("id").stringValue());
            }
            entry.putArray("messages");
            entry.putArray("in_context_message_ids");
            entry.putArray("group_ids");
            file.putArray("agents").add(entry);
            file.putArray("groups");
            file.set("blocks", blocks);
            file.putArray("files");
            file.putArray("sources");
            file.set("tools", toolList);
            file.putArray("mcp_servers");
            file.putArray("skills");
            file.putObject("metadata").put("exported_by", "fake-letta-api");
            file.put("created_at", LettaStore.now());
            return file;
        });
    }

    /**
     * @param file the document (an object with {@code agents})
     * @param form the import's form fields ({@code name}, {@code model}, {@code embedding},
     *     {@code override_existing_tools}, {@code append_copy_suffix})
     * @return the new agents' ids
     * @throws Refused if it is no agent file, or a reference in it points nowhere
     */
    List<String> importFile(JsonNode file, Map<String, String> form) {
        if (!file.path("agents").isArray()) {
            throw new Refused("Legacy AgentSchema format is deprecated. Please use the new AgentFileSchema format "
                    + "with 'agents' field.");
        }
        Map<String, String> ids = new HashMap<>();
        for (JsonNode block : file.path("blocks")) {
            ids.put(block.path("id").asString(), store.createBlock(block).get("id").stringValue());
        }
        boolean replace = !"false".equalsIgnoreCase(form.getOrDefault("override_existing_tools", "true"));
        for (JsonNode tool : file.path("tools")) {
            ObjectNode body = JSON.createObjectNode();
            TOOL_FIELDS.stream().filter(f -> !f.equals("name") && !f.equals("tool_type"))
                    .forEach(field -> copy(tool, body, field));
            String name = tool.path("name").asString("");
            Optional<ObjectNode> made;
            try {
                made = tools.create(body, replace);
            } catch (ToolStore.Invalid e) {
                throw new Refused("Import failed: tool " + tool.path("id").asString() + ": " + e.getMessage());
            }
            String id = made.map(t -> t.get("id").stringValue())
                    .or(() -> tools.tools().stream().filter(t -> name.equals(t.path("name").asString()))
                            .map(t -> t.get("id").stringValue()).findFirst())
                    .orElseThrow(() -> new Refused("tool " + tool.path("id").asString() + " could not be imported"));
            ids.put(tool.path("id").asString(), id);
        }
        boolean suffix = !"false".equalsIgnoreCase(form.getOrDefault("append_copy_suffix", "true"));
        List<String> created = new ArrayList<>();
        for (JsonNode agent : file.path("agents")) {
            ObjectNode body = JSON.createObjectNode();
            AGENT_FIELDS.forEach(field -> copy(agent, body, field));
            copy(agent, body, "context_window_limit");
            String name = form.get("name") != null ? form.get("name")
                    : agent.path("name").asString("agent") + (suffix ? "_copy" : "");
            body.put("name", name);
            Optional.ofNullable(form.get("model")).ifPresent(m -> body.put("model", m));
            Optional.ofNullable(form.get("embedding")).ifPresent(e -> body.put("embedding", e));
            body.set("block_ids", mapped(agent.path("block_ids"), ids));
            body.set("tool_ids", mapped(agent.path("tool_ids"), ids));
            created.add(store.createAgent(body).get("id").stringValue());
        }
        return created;
    }

    private static ArrayNode mapped(JsonNode fileIds, Map<String, String> ids) {
        ArrayNode out = JSON.createArrayNode();
        for (JsonNode id : fileIds) {
            String real = ids.get(id.asString());
            if (real == null) {
                throw new Refused("Import failed: " + id.asString() + " is referenced but not in the file");
            }
            out.add(real);
        }
        return out;
    }

    private static void copy(JsonNode from, ObjectNode to, String field) {
        if (from.has(field) && !from.get(field).isNull()) {
            to.set(field, from.get(field).deepCopy());
        }
    }
}

package ai.letta.code.testkit.fakeapi;

import static ai.letta.code.testkit.fakeapi.LettaStore.JSON;
import static ai.letta.code.testkit.fakeapi.LettaStore.newId;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fake's tools ({@code Tool} objects as the OpenAPI document shapes them: no field it does not list) and which
 * agents they are attached to. A tool's name comes from its JSON schema, else from the source's first function
 * ({@code def name(} or {@code function name(}), as a Letta server derives it. One lock; deep copies out. Never
 * calls another store while holding its lock (the agents' store calls in here to render an agent's tools).
 */
final class ToolStore {

    /** The fields of {@code ToolCreate} / {@code ToolUpdate} the fake stores as sent. */
    private static final List<String> WRITABLE = List.of("description", "tags", "source_code", "source_type",
            "json_schema", "args_json_schema", "return_char_limit", "pip_requirements", "npm_requirements",
            "default_requires_approval", "enable_parallel_execution", "metadata_");
    private static final Pattern PYTHON_DEF = Pattern.compile("(?m)^\\s*(?:async\\s+)?def\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*\\(");
    private static final Pattern JS_FUNCTION = Pattern.compile(
            "(?m)^\\s*(?:export\\s+)?(?:async\\s+)?function\\s+([A-Za-z_$][A-Za-z0-9_$]*)\\s*\\(");

    /** A tool body the fake refuses as a Letta server would (422), naming the field. */
    static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String field;

        Invalid(String field, String message) {
            super(message);
            this.field = field;
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, ObjectNode> tools = new LinkedHashMap<>();
    private final Map<String, Set<String>> attached = new LinkedHashMap<>();

    private <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Creates a tool from a {@code ToolCreate} body ({@code replace}: upserts by name).
     *
     * @return the tool, or empty when one of that name exists and {@code replace} is false
     * @throws Invalid if the body breaks the schema
     */
    Optional<ObjectNode> create(JsonNode body, boolean replace) {
        ObjectNode fresh = fromBody(body);
        String name = fresh.get("name").stringValue();
        return locked(() -> {
            Optional<ObjectNode> existing = tools.values().stream()
                    .filter(t -> name.equals(t.path("name").asString())).findFirst();
            if (existing.isPresent() && !replace) {
                return Optional.empty();
            }
            if (existing.isPresent()) {
                ObjectNode tool = existing.get();
                WRITABLE.forEach(field -> {
                    if (fresh.has(field)) {
                        tool.set(field, fresh.get(field).deepCopy());
                    }
                });
                return Optional.of(tool.deepCopy());
            }
            tools.put(fresh.get("id").stringValue(), fresh);
            return Optional.of(fresh.deepCopy());
        });
    }

    /** Applies a {@code ToolUpdate}; empty when the tool is unknown. */
    Optional<ObjectNode> update(String id, JsonNode patch) {
        check(patch, false);
        return locked(() -> Optional.ofNullable(tools.get(id)).map(tool -> {
            WRITABLE.forEach(field -> {
                if (patch.has(field)) {
                    tool.set(field, patch.get(field).deepCopy());
                }
            });
            if (patch.path("json_schema").path("name").isString()) {
                tool.put("name", patch.get("json_schema").get("name").stringValue());
            }
            return tool.deepCopy();
        }));
    }

    Optional<ObjectNode> tool(String id) {
        return locked(() -> Optional.ofNullable(tools.get(id)).map(ObjectNode::deepCopy));
    }

    List<ObjectNode> tools() {
        return locked(() -> tools.values().stream().map(ObjectNode::deepCopy).toList());
    }

    /** Deletes a tool and detaches it from every agent. */
    boolean delete(String id) {
        return locked(() -> {
            attached.values().forEach(ids -> ids.remove(id));
            return tools.remove(id) != null;
        });
    }

    /** Attaches or detaches; false when the tool is unknown (the agent is the caller's to check). */
    boolean attach(String agentId, String toolId, boolean attach) {
        return locked(() -> {
            if (!tools.containsKey(toolId)) {
                return false;
            }
            Set<String> ids = attached.computeIfAbsent(agentId, a -> new LinkedHashSet<>());
            if (attach) {
                ids.add(toolId);
            } else {
                ids.remove(toolId);
            }
            return true;
        });
    }

    /** Attaches the known tools a create body names by {@code tool_ids} and by name ({@code tools}). */
    void attachNamed(String agentId, JsonNode body) {
        locked(() -> {
            Set<String> ids = attached.computeIfAbsent(agentId, a -> new LinkedHashSet<>());
            body.path("tool_ids").forEach(id -> {
                if (tools.containsKey(id.asString())) {
                    ids.add(id.asString());
                }
            });
            body.path("tools").forEach(name -> tools.values().stream()
                    .filter(t -> name.asString().equals(t.path("name").asString())).findFirst()
                    .ifPresent(t -> ids.add(t.get("id").stringValue())));
            return null;
        });
    }

    /** The tools attached to an agent, in attach order. */
    List<ObjectNode> attachedTo(String agentId) {
        return locked(() -> {
            List<ObjectNode> found = new ArrayList<>();
            attached.getOrDefault(agentId, Set.of()).forEach(id -> Optional.ofNullable(tools.get(id))
                    .ifPresent(t -> found.add(t.deepCopy())));
            return found;
        });
    }

    /** The agent's tools as {@code AgentState.tools}. */
    ArrayNode rendered(String agentId) {
        return LettaStore.array(attachedTo(agentId));
    }

    /** Whether a tool is a Letta built-in ({@code letta_*} types). */
    static boolean isLettaTool(JsonNode tool) {
        return tool.path("tool_type").asString("custom").startsWith("letta_");
    }

    /** Substring match for {@code search}, case-insensitive. */
    static boolean contains(JsonNode node, String needle) {
        return node.isString() && node.stringValue().toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT));
    }

    private static ObjectNode fromBody(JsonNode body) {
        check(body, true);
        String name = body.path("json_schema").path("name").isString() ? body.get("json_schema").get("name")
                .stringValue() : functionName(body.get("source_code").stringValue());
        ObjectNode tool = JSON.createObjectNode().put("id", newId("tool")).put("tool_type", "custom");
        tool.set("description", JSON.nullNode());
        tool.put("source_type", "python").put("name", name);
        tool.putArray("tags");
        tool.set("source_code", JSON.nullNode());
        ObjectNode schema = JSON.createObjectNode().put("name", name);
        schema.set("description", body.path("description").isString() ? body.get("description").deepCopy()
                : JSON.nullNode());
        schema.putObject("parameters").put("type", "object").putObject("properties");
        ((ObjectNode) schema.get("parameters")).putArray("required");
        tool.set("json_schema", schema);
        tool.set("args_json_schema", JSON.nullNode());
        tool.put("return_char_limit", 50000);
        tool.set("pip_requirements", JSON.nullNode());
        tool.set("npm_requirements", JSON.nullNode());
        tool.set("default_requires_approval", JSON.nullNode());
        tool.put("enable_parallel_execution", false);
        tool.set("created_by_id", JSON.nullNode());
        tool.set("last_updated_by_id", JSON.nullNode());
        tool.putObject("metadata_");
        tool.set("project_id", JSON.nullNode());
        WRITABLE.forEach(field -> {
            if (body.has(field) && !field.equals("metadata_")) {
                tool.set(field, body.get(field).deepCopy());
            }
        });
        return tool;
    }

    private static String functionName(String source) {
        for (Pattern pattern : List.of(PYTHON_DEF, JS_FUNCTION)) {
            Matcher matcher = pattern.matcher(source);
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        throw new Invalid("source_code", "could not derive a tool name: the source defines no function and no "
                + "json_schema.name was given");
    }

    /** The schema's rules for a {@code ToolCreate} ({@code create}) or {@code ToolUpdate} body. */
    private static void check(JsonNode body, boolean create) {
        if (!body.isObject()) {
            throw new Invalid("body", "Input should be a valid dictionary");
        }
        JsonNode source = body.path("source_code");
        if (create ? !source.isString() : !(source.isMissingNode() || source.isNull() || source.isString())) {
            throw new Invalid("source_code", create && source.isMissingNode() ? "Field required"
                    : "Input should be a valid string");
        }
        JsonNode limit = body.path("return_char_limit");
        if (!limit.isMissingNode() && !limit.isNull()
                && (!limit.isIntegralNumber() || limit.asLong() < 1 || limit.asLong() > 1_000_000)) {
            throw new Invalid("return_char_limit", "Input should be an integer between 1 and 1000000");
        }
        for (String field : List.of("json_schema", "args_json_schema", "metadata_")) {
            JsonNode value = body.path(field);
            if (!value.isMissingNode() && !value.isNull() && !value.isObject()) {
                throw new Invalid(field, "Input should be a valid dictionary");
            }
        }
        JsonNode tags = body.path("tags");
        if (!tags.isMissingNode() && !tags.isNull() && !tags.isArray()) {
            throw new Invalid("tags", "Input should be a valid list");
        }
        if (create) {
            for (String field : body.propertyNames()) {
                // ToolCreate has additionalProperties false, and no metadata_ (only ToolUpdate has it).
                if (!WRITABLE.contains(field) || field.equals("metadata_")) {
                    throw new Invalid(field, "Extra inputs are not permitted");
                }
            }
        }
    }
}

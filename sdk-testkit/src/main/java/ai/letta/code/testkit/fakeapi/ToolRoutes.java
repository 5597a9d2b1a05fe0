package ai.letta.code.testkit.fakeapi;

import static ai.letta.code.testkit.fakeapi.AgentRoutes.deleted;
import static ai.letta.code.testkit.fakeapi.AgentRoutes.reply;
import static ai.letta.code.testkit.fakeapi.LettaStore.JSON;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /v1/tools/…} and an agent's tools ({@code /v1/agents/{agent_id}/tools/…}): create, upsert, list with the
 * OpenAPI filters, count, search (substring matching in place of embeddings), update, delete, attach, detach and the
 * per-agent approval switch, which keeps a {@code requires_approval} rule in the agent's {@code tool_rules} as a
 * Letta server does. Bodies that break the schema answer 422 in FastAPI's shape, naming the field.
 */
final class ToolRoutes {

    private final LettaStore store;
    private final ToolStore tools;

    ToolRoutes(LettaStore store, ToolStore tools) {
        this.store = store;
        this.tools = tools;
    }

    void register(Router router) {
        router.add("GET", "/v1/tools/count", call -> call.ok(JSON.getNodeFactory().numberNode(filtered(call).size())))
                .add("POST", "/v1/tools/search", this::search)
                .add("GET", "/v1/tools", call -> call.ok(call.page(filtered(call), "asc", 50)))
                .add("POST", "/v1/tools", call -> create(call, false))
                .add("PUT", "/v1/tools", call -> create(call, true))
                .add("GET", "/v1/tools/{tool_id}", call -> reply(call, "Tool", tools.tool(call.path("tool_id"))))
                .add("PATCH", "/v1/tools/{tool_id}", this::update)
                .add("DELETE", "/v1/tools/{tool_id}", call -> deleted(call, "Tool", tools.delete(call.path("tool_id"))))
                .add("GET", "/v1/agents/{agent_id}/tools", call -> withAgent(call,
                        () -> call.ok(call.page(tools.attachedTo(call.path("agent_id")), "asc", 50))))
                .add("PATCH", "/v1/agents/{agent_id}/tools/attach/{tool_id}", call -> attach(call, true))
                .add("PATCH", "/v1/agents/{agent_id}/tools/detach/{tool_id}", call -> attach(call, false))
                .add("PATCH", "/v1/agents/{agent_id}/tools/approval/{tool_name}", this::approval);
    }

    /** FastAPI's validation error: {@code {"detail":[{"type","loc":["body",field],"msg"}]}}. */
    static void invalid(ApiCall call, String where, String field, String message) {
        ObjectNode error = JSON.createObjectNode().put("type", "value_error");
        error.putArray("loc").add(where).add(field);
        error.put("msg", message);
        ObjectNode body = JSON.createObjectNode();
        body.putArray("detail").add(error);
        call.exchange().respondJson(422, body);
    }

    private void create(ApiCall call, boolean upsert) {
        Optional<ObjectNode> created;
        try {
            created = tools.create(call.body(), upsert);
        } catch (ToolStore.Invalid e) {
            invalid(call, "body", e.field, e.getMessage());
            return;
        }
        created.ifPresentOrElse(call::ok, () -> call.error(409, "A tool with this name already exists; use PUT "
                + "/v1/tools/ to upsert it"));
    }

    private void update(ApiCall call) {
        try {
            reply(call, "Tool", tools.update(call.path("tool_id"), call.body()));
        } catch (ToolStore.Invalid e) {
            invalid(call, "body", e.field, e.getMessage());
        }
    }

    private List<ObjectNode> filtered(ApiCall call) {
        var query = call.request().queryParameters();
        List<String> names = query.getOrDefault("names", List.of());
        List<String> ids = query.getOrDefault("tool_ids", List.of());
        List<String> types = query.getOrDefault("tool_types", List.of());
        List<String> excluded = query.getOrDefault("exclude_tool_types", List.of());
        boolean onlyLetta = call.query("return_only_letta_tools").map(Boolean::parseBoolean).orElse(false);
        boolean noLetta = call.query("exclude_letta_tools").map(Boolean::parseBoolean).orElse(false);
        return tools.tools().stream()
                .filter(t -> call.query("name").map(n -> n.equals(t.path("name").asString())).orElse(true))
                .filter(t -> names.isEmpty() || names.contains(t.path("name").asString()))
                .filter(t -> ids.isEmpty() || ids.contains(t.path("id").asString()))
                .filter(t -> call.query("search").map(s -> ToolStore.contains(t.path("name"), s)).orElse(true))
                .filter(t -> types.isEmpty() || types.contains(t.path("tool_type").asString()))
                .filter(t -> !excluded.contains(t.path("tool_type").asString()))
                .filter(t -> !onlyLetta || ToolStore.isLettaTool(t))
                .filter(t -> !noLetta || !ToolStore.isLettaTool(t))
                .toList();
    }

    private void search(ApiCall call) {
        JsonNode body = call.body();
        String mode = body.path("search_mode").asString("hybrid");
        if (!List.of("vector", "fts", "hybrid").contains(mode)) {
            invalid(call, "body", "search_mode", "Input should be 'vector', 'fts' or 'hybrid'");
            return;
        }
        int limit = body.path("limit").asInt(50);
        if (limit < 1 || limit > 100) {
            invalid(call, "body", "limit", "Input should be between 1 and 100");
            return;
        }
        String query = body.path("query").asString("").toLowerCase(Locale.ROOT);
        List<String> types = strings(body.path("tool_types"));
        List<String> tags = strings(body.path("tags"));
        record Hit(ObjectNode tool, int score) {
        }
        List<Hit> hits = new ArrayList<>();
        for (ObjectNode tool : tools.tools()) {
            if (!types.isEmpty() && !types.contains(tool.path("tool_type").asString())) {
                continue;
            }
            if (!tags.isEmpty() && strings(tool.path("tags")).stream().noneMatch(tags::contains)) {
                continue;
            }
            int score = query.isEmpty() ? 1 : 0;
            for (String word : query.split("\\s+")) {
                if (!word.isEmpty() && text(tool).contains(word)) {
                    score++;
                }
            }
            if (score > 0) {
                hits.add(new Hit(tool, score));
            }
        }
        hits.sort(Comparator.comparingInt(Hit::score).reversed());
        ArrayNode results = JSON.createArrayNode();
        for (int i = 0; i < hits.size() && i < limit; i++) {
            ObjectNode result = JSON.createObjectNode();
            result.set("tool", hits.get(i).tool());
            result.put("embedded_text", text(hits.get(i).tool()));
            result.put("fts_rank", i + 1);
            result.set("vector_rank", JSON.nullNode());
            result.put("combined_score", (double) hits.get(i).score());
            results.add(result);
        }
        call.ok(results);
    }

    private void attach(ApiCall call, boolean attach) {
        String agentId = call.path("agent_id");
        if (!store.hasAgent(agentId)) {
            call.notFound("Agent " + agentId);
        } else if (!tools.attach(agentId, call.path("tool_id"), attach)) {
            call.notFound("Tool " + call.path("tool_id"));
        } else {
            reply(call, "Agent", store.agent(agentId));
        }
    }

    private void approval(ApiCall call) {
        String agentId = call.path("agent_id");
        String toolName = call.path("tool_name");
        Optional<Boolean> required = call.query("requires_approval").map(Boolean::parseBoolean);
        JsonNode body = call.body().path("requires_approval");
        if (required.isEmpty() && !body.isBoolean()) {
            invalid(call, "query", "requires_approval", "Field required");
            return;
        }
        boolean requires = required.orElseGet(body::booleanValue);
        Optional<ObjectNode> agent = store.agent(agentId);
        if (agent.isEmpty()) {
            call.notFound("Agent " + agentId);
            return;
        }
        ArrayNode rules = JSON.createArrayNode();
        for (JsonNode rule : agent.get().path("tool_rules")) {
            if (!("requires_approval".equals(rule.path("type").asString())
                    && toolName.equals(rule.path("tool_name").asString()))) {
                rules.add(rule.deepCopy());
            }
        }
        if (requires) {
            rules.add(JSON.createObjectNode().put("tool_name", toolName).put("type", "requires_approval")
                    .set("prompt_template", JSON.nullNode()));
        }
        ObjectNode patch = JSON.createObjectNode();
        patch.set("tool_rules", rules);
        reply(call, "Agent", store.updateAgent(agentId, patch));
    }

    private void withAgent(ApiCall call, Runnable action) {
        if (store.hasAgent(call.path("agent_id"))) {
            action.run();
        } else {
            call.notFound("Agent " + call.path("agent_id"));
        }
    }

    private static String text(JsonNode tool) {
        return (tool.path("name").asString("") + " " + tool.path("description").asString("") + " "
                + String.join(" ", strings(tool.path("tags")))).toLowerCase(Locale.ROOT);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }
}

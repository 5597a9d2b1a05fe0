package ai.letta.code.testkit.fakeapi;

import static ai.letta.code.testkit.fakeapi.AgentRoutes.deleted;
import static ai.letta.code.testkit.fakeapi.AgentRoutes.reply;
import static ai.letta.code.testkit.fakeapi.LettaStore.JSON;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The standalone blocks ({@code /v1/blocks/…}): create (label and value required, else 422), list with the
 * OpenAPI filters ({@code label}, {@code name} for a template name, {@code label_search},
 * {@code description_search}, {@code value_search}, {@code tags} with {@code match_all_tags}), count, retrieve,
 * modify and delete (which detaches the block from every agent). The blocks are the agents' store's, so a block
 * changed here changes in every agent it is attached to.
 */
final class BlockRoutes {

    private final LettaStore store;

    BlockRoutes(LettaStore store) {
        this.store = store;
    }

    void register(Router router) {
        router.add("GET", "/v1/blocks/count", call -> call.ok(JSON.getNodeFactory().numberNode(
                        filtered(call, false).size())))
                .add("GET", "/v1/blocks", call -> call.ok(call.page(filtered(call, true), "asc", 50)))
                .add("POST", "/v1/blocks", this::create)
                .add("GET", "/v1/blocks/{block_id}", call -> reply(call, "Block", store.block(call.path("block_id"))))
                .add("PATCH", "/v1/blocks/{block_id}", call -> reply(call, "Block",
                        store.updateBlock(call.path("block_id"), call.body())))
                .add("DELETE", "/v1/blocks/{block_id}", call -> deleted(call, "Block",
                        store.deleteBlock(call.path("block_id"))));
    }

    private void create(ApiCall call) {
        JsonNode body = call.body();
        for (String field : List.of("label", "value")) {
            if (!body.path(field).isString()) {
                ToolRoutes.invalid(call, "body", field, body.has(field) ? "Input should be a valid string"
                        : "Field required");
                return;
            }
        }
        if (body.has("limit") && !body.get("limit").isIntegralNumber()) {
            ToolRoutes.invalid(call, "body", "limit", "Input should be a valid integer");
            return;
        }
        call.ok(store.createBlock(body));
    }

    private List<ObjectNode> filtered(ApiCall call, boolean searches) {
        List<String> tags = call.request().queryParameters().getOrDefault("tags", List.of());
        boolean all = call.query("match_all_tags").map(Boolean::parseBoolean).orElse(false);
        return store.blocks().stream()
                .filter(b -> equal(call.query("label"), b.path("label")))
                .filter(b -> equal(call.query("name"), b.path("template_name")))
                .filter(b -> !searches || contains(call.query("label_search"), b.path("label")))
                .filter(b -> !searches || contains(call.query("description_search"), b.path("description")))
                .filter(b -> !searches || contains(call.query("value_search"), b.path("value")))
                .filter(b -> tags.isEmpty() || matches(b.path("tags"), tags, all))
                .toList();
    }

    private static boolean equal(Optional<String> wanted, JsonNode value) {
        return wanted.map(w -> value.isString() && w.equals(value.stringValue())).orElse(true);
    }

    private static boolean contains(Optional<String> wanted, JsonNode value) {
        return wanted.map(w -> value.isString() && value.stringValue().toLowerCase(Locale.ROOT)
                .contains(w.toLowerCase(Locale.ROOT))).orElse(true);
    }

    private static boolean matches(JsonNode blockTags, List<String> wanted, boolean all) {
        List<String> has = blockTags.valueStream().map(JsonNode::asString).toList();
        return all ? has.containsAll(wanted) : wanted.stream().anyMatch(has::contains);
    }
}

package ai.letta.code.testkit.fakeapi;

import static ai.letta.code.testkit.fakeapi.LettaStore.JSON;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /v1/agents/...}: agent CRUD with filtered lists and counts, core-memory blocks and agent-level messages (cloud.md §2.1, §2.7, §2.8;
 * offline-peers.md §5.2). Archival memory is {@link ArchiveRoutes}'.
 */
final class AgentRoutes {

    /** A version-4 UUID as the document's id patterns spell it. */
    static final String UUID4 = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    private final LettaStore store;
    private final ConversationStore conversations;
    private final TurnEndpoint turns;

    AgentRoutes(LettaStore store, ConversationStore conversations, TurnEndpoint turns) {
        this.store = store;
        this.conversations = conversations;
        this.turns = turns;
    }

    void register(Router router) {
        router.add("GET", "/v1/agents", call -> call.ok(call.page(filtered(call), "asc", 50)))
                .add("GET", "/v1/agents/count", call -> call.ok(JSON.getNodeFactory().numberNode(
                        filtered(call).size())))
                .add("POST", "/v1/agents", this::create)
                .add("GET", "/v1/agents/{agent_id}", call -> withAgent(call, call::ok))
                .add("PATCH", "/v1/agents/{agent_id}", call -> reply(call, "Agent",
                        store.updateAgent(call.path("agent_id"), call.body())))
                .add("DELETE", "/v1/agents/{agent_id}", call -> deleted(call, "Agent",
                        store.deleteAgent(call.path("agent_id"))))
                .add("GET", "/v1/agents/{agent_id}/core-memory/blocks",
                        call -> withAgent(call, a -> call.ok(call.page(store.agentBlocks(call.path("agent_id")),
                                "asc", 1000))))
                .add("GET", "/v1/agents/{agent_id}/core-memory/blocks/{label}", call -> reply(call, "Block",
                        store.agentBlock(call.path("agent_id"), call.path("label"))))
                .add("PATCH", "/v1/agents/{agent_id}/core-memory/blocks/{label}", this::updateBlock)
                .add("PATCH", "/v1/agents/{agent_id}/core-memory/blocks/attach/{block_id}",
                        call -> reply(call, "Agent or block", store.attachBlock(call.path("agent_id"),
                                call.path("block_id"), true)))
                .add("PATCH", "/v1/agents/{agent_id}/core-memory/blocks/detach/{block_id}",
                        call -> reply(call, "Agent or block", store.attachBlock(call.path("agent_id"),
                                call.path("block_id"), false)))
                .add("GET", "/v1/agents/{agent_id}/messages", this::messages)
                .add("POST", "/v1/agents/{agent_id}/messages", call -> turns.agentMessages(call, false))
                .add("POST", "/v1/agents/{agent_id}/messages/stream", call -> turns.agentMessages(call, true))
                .add("POST", "/v1/agents/{agent_id}/messages/cancel", this::cancel);
    }

    /** {@code POST /v1/agents}: ids of the wrong shape are a 422 locating them, as the document's patterns. */
    private void create(ApiCall call) {
        JsonNode body = call.body();
        for (String field : List.of("block_ids", "tool_ids")) {
            Pattern shape = Pattern.compile("^" + field.substring(0, field.indexOf('_')) + "-" + UUID4 + "$");
            for (int i = 0; i < body.path(field).size(); i++) {
                if (!shape.matcher(body.path(field).get(i).asString("")).matches()) {
                    call.invalid("String should match pattern '" + shape.pattern() + "'", "body", field, i);
                    return;
                }
            }
        }
        call.ok(store.createAgent(body));
    }

    /** The agents {@code name}, {@code query_text} (a name search, as Letta's) and {@code tags} keep. */
    private List<ObjectNode> filtered(ApiCall call) {
        List<String> tags = call.request().queryParameters().getOrDefault("tags", List.of());
        boolean matchAll = call.query("match_all_tags").map(Boolean::parseBoolean).orElse(false);
        return store.agents().stream()
                .filter(a -> call.query("name").map(n -> n.equals(a.path("name").asString())).orElse(true))
                .filter(a -> call.query("query_text").map(q -> a.path("name").asString("").contains(q))
                        .orElse(true))
                .filter(a -> tags.isEmpty() || matchesTags(a.path("tags"), tags, matchAll))
                .toList();
    }

    private static boolean matchesTags(JsonNode agentTags, List<String> wanted, boolean all) {
        List<String> has = agentTags.valueStream().map(JsonNode::asString).toList();
        return all ? has.containsAll(wanted) : wanted.stream().anyMatch(has::contains);
    }

    private void updateBlock(ApiCall call) {
        Optional<ObjectNode> block = store.agentBlock(call.path("agent_id"), call.path("label"));
        reply(call, "Block", block.flatMap(b -> store.updateBlock(b.get("id").stringValue(), call.body())));
    }

    private void messages(ApiCall call) {
        withAgent(call, agent -> {
            String agentId = call.path("agent_id");
            String conversation = call.query("conversation_id").orElse("default");
            List<ObjectNode> history = conversation.equals("default")
                    ? conversations.messages(ConversationStore.defaultKey(agentId))
                    : conversations.messages(conversation);
            call.ok(call.page(history, "desc", 100));
        });
    }

    private void cancel(ApiCall call) {
        withAgent(call, agent -> {
            ObjectNode result = JSON.createObjectNode();
            JsonNode requested = call.body().path("run_ids");
            for (JsonNode runId : requested) {
                conversations.run(runId.asString()).ifPresent(run -> {
                    conversations.cancelRuns(run.path("conversation_id").asString());
                    result.put(runId.asString(), "cancelled");
                });
            }
            call.ok(result);
        });
    }

    private void withAgent(ApiCall call, Consumer<ObjectNode> action) {
        Optional<ObjectNode> agent = store.agent(call.path("agent_id"));
        if (agent.isEmpty()) {
            call.notFound("Agent " + call.path("agent_id"));
        } else {
            action.accept(agent.get());
        }
    }

    static void reply(ApiCall call, String what, Optional<ObjectNode> found) {
        found.ifPresentOrElse(call::ok, () -> call.notFound(what));
    }

    static void deleted(ApiCall call, String what, boolean existed) {
        if (existed) {
            call.ok(JSON.createObjectNode());
        } else {
            call.notFound(what);
        }
    }
}

package ai.letta.code.testkit.fakeapi;

import static ai.letta.code.testkit.fakeapi.AgentRoutes.deleted;
import static ai.letta.code.testkit.fakeapi.AgentRoutes.reply;
import static ai.letta.code.testkit.fakeapi.LettaStore.JSON;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /v1/conversations/...}, {@code /v1/messages/{id}} and {@code /v1/runs/...} (cloud.md §2.2, §2.3, §2.5,
 * §2.8).
 */
final class ConversationRoutes {

    private final LettaStore store;
    private final ConversationStore conversations;
    private final TurnEndpoint turns;

    ConversationRoutes(LettaStore store, ConversationStore conversations, TurnEndpoint turns) {
        this.store = store;
        this.conversations = conversations;
        this.turns = turns;
    }

    void register(Router router) {
        router.add("POST", "/v1/conversations", this::create)
                .add("GET", "/v1/conversations", this::list)
                .add("GET", "/v1/conversations/{conversation_id}", call -> reply(call, "Conversation "
                        + call.path("conversation_id"), conversations.get(call.path("conversation_id"))))
                .add("PATCH", "/v1/conversations/{conversation_id}", call -> reply(call, "Conversation",
                        conversations.update(call.path("conversation_id"), call.body())))
                .add("DELETE", "/v1/conversations/{conversation_id}", call -> deleted(call, "Conversation",
                        conversations.delete(call.path("conversation_id"))))
                .add("GET", "/v1/conversations/{conversation_id}/messages", this::messages)
                .add("POST", "/v1/conversations/{conversation_id}/messages", turns::conversationMessages)
                .add("POST", "/v1/conversations/{conversation_id}/stream", call -> turns.target(call,
                        call.path("conversation_id")).ifPresent(target -> turns.resume(call, target)))
                .add("POST", "/v1/conversations/{conversation_id}/cancel", this::cancel)
                .add("POST", "/v1/conversations/{conversation_id}/fork", this::fork)
                .add("POST", "/v1/conversations/{conversation_id}/compact", this::compact)
                .add("POST", "/v1/conversations/{conversation_id}/recompile",
                        call -> call.ok(JSON.getNodeFactory().stringNode("")))
                .add("GET", "/v1/messages/{message_id}", this::message)
                .add("GET", "/v1/runs", call -> call.ok(call.page(conversations.runs().stream()
                        .filter(r -> !call.query("active").map(Boolean::parseBoolean).orElse(false)
                                || "running".equals(r.path("status").asString())).toList(), "desc", 100)))
                .add("GET", "/v1/runs/{run_id}", call -> reply(call, "Run " + call.path("run_id"),
                        conversations.run(call.path("run_id"))))
                .add("POST", "/v1/runs/{run_id}/stream", this::resumeRun);
    }

    /** One message as its Letta message variants (reasoning, tool call, ...: every entry sharing its id). */
    private void message(ApiCall call) {
        List<ObjectNode> variants = conversations.variants(call.path("message_id"));
        if (variants.isEmpty()) {
            call.notFound("Message " + call.path("message_id"));
        } else {
            call.okList(variants);
        }
    }

    /** {@code CreateConversation}; each {@code isolated_block_labels} entry becomes a copy of the agent's block. */
    private void create(ApiCall call) {
        String agentId = call.query("agent_id").orElse(call.body().path("agent_id").asString(""));
        if (!store.hasAgent(agentId)) {
            call.notFound("Agent " + agentId);
            return;
        }
        List<String> isolated = new ArrayList<>();
        for (JsonNode label : call.body().path("isolated_block_labels")) {
            Optional<ObjectNode> block = store.agentBlock(agentId, label.asString());
            if (block.isEmpty()) {
                call.notFound("Block " + label.asString() + " of agent " + agentId);
                return;
            }
            isolated.add(store.createBlock(block.get()).get("id").stringValue());
        }
        call.ok(conversations.create(agentId, call.body(), isolated));
    }

    /**
     * A conversation named in the path, or an agent's main thread: {@code default} with {@code agent_id} (query or
     * body), or the agent id itself. Answers 404 and returns empty when neither is known.
     */
    private Optional<TurnEndpoint.Target> thread(ApiCall call) {
        String id = call.path("conversation_id");
        String agentId = id.equals("default")
                ? call.query("agent_id").orElse(call.body().path("agent_id").asString("")) : id;
        if ((id.equals("default") || id.equals(agentId)) && store.hasAgent(agentId)) {
            return Optional.of(new TurnEndpoint.Target(agentId, "default", ConversationStore.defaultKey(agentId)));
        }
        Optional<ObjectNode> conversation = conversations.get(id);
        if (conversation.isEmpty()) {
            call.notFound(id.equals("default") ? "Agent " + agentId : "Conversation " + id);
            return Optional.empty();
        }
        return Optional.of(new TurnEndpoint.Target(conversation.get().path("agent_id").asString(), id, id));
    }

    private void fork(ApiCall call) {
        thread(call).ifPresent(target -> {
            String agentId = target.conversationId().equals("default") ? target.agentId()
                    : call.query("agent_id").orElse(target.agentId());
            if (!store.hasAgent(agentId)) {
                call.notFound("Agent " + agentId);
                return;
            }
            call.ok(conversations.fork(target.key(), conversations.get(target.key()).orElse(null), agentId,
                    call.query("message_id").orElse(null)));
        });
    }

    private void compact(ApiCall call) {
        thread(call).ifPresent(target -> call.ok(conversations.compact(target.key())));
    }

    private void list(ApiCall call) {
        Optional<String> agentId = call.query("agent_id");
        List<ObjectNode> found = conversations.all().stream()
                .filter(c -> agentId.map(id -> id.equals(c.path("agent_id").asString())).orElse(true))
                .toList();
        call.ok(call.page(found, "asc", 50));
    }

    private void messages(ApiCall call) {
        String id = call.path("conversation_id");
        if (id.equals("default") || store.hasAgent(id)) {
            String agentId = id.equals("default") ? call.query("agent_id").orElse("") : id;
            call.ok(call.page(conversations.messages(ConversationStore.defaultKey(agentId)), "desc", 100));
        } else if (conversations.get(id).isPresent()) {
            call.ok(call.page(conversations.messages(id), "desc", 100));
        } else {
            call.notFound("Conversation " + id);
        }
    }

    private void cancel(ApiCall call) {
        thread(call).ifPresent(target -> {
            ObjectNode result = JSON.createObjectNode();
            conversations.cancelRuns(target.conversationId(), target.conversationId().equals("default")
                    ? target.agentId() : null).forEach(runId -> result.put(runId, "cancelled"));
            call.ok(result);
        });
    }

    private void resumeRun(ApiCall call) {
        Optional<ObjectNode> run = conversations.run(call.path("run_id"));
        if (run.isEmpty()) {
            call.notFound("Run " + call.path("run_id"));
            return;
        }
        turns.target(call, run.get().path("conversation_id").asString())
                .ifPresent(target -> turns.resume(call, target));
    }
}

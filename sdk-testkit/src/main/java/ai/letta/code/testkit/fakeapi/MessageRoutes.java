package ai.letta.code.testkit.fakeapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.node.ObjectNode;

/**
 * The agent message endpoints beyond sending ({@code AgentRoutes} keeps send, stream, list and cancel): modify a
 * stored message ({@code PATCH /v1/agents/{id}/messages/{message_id}}), reset the history
 * ({@code PATCH /v1/agents/{id}/reset-messages}) and the async send ({@code POST /v1/agents/{id}/messages/async},
 * played by {@link TurnEndpoint} like any turn, answered with its {@code Run}).
 */
final class MessageRoutes {

    private static final List<String> EDITABLE = List.of("user_message", "assistant_message", "system_message",
            "reasoning_message");

    private final LettaStore store;
    private final ConversationStore conversations;
    private final TurnEndpoint turns;

    MessageRoutes(LettaStore store, ConversationStore conversations, TurnEndpoint turns) {
        this.store = store;
        this.conversations = conversations;
        this.turns = turns;
    }

    void register(Router router) {
        router.add("POST", "/v1/agents/{agent_id}/messages/async", turns::agentAsync)
                .add("PATCH", "/v1/agents/{agent_id}/reset-messages", this::reset)
                .add("PATCH", "/v1/agents/{agent_id}/messages/{message_id}", this::modify);
    }

    private void modify(ApiCall call) {
        String agentId = call.path("agent_id");
        if (!store.hasAgent(agentId)) {
            call.notFound("Agent " + agentId);
            return;
        }
        String type = call.body().path("message_type").asString("");
        boolean reasoning = type.equals("reasoning_message");
        if (!EDITABLE.contains(type) || !call.body().has(reasoning ? "reasoning" : "content")) {
            // What the server's validation says of a body that matches none of the Update*Message schemas.
            call.error(422, "body must be one of UpdateSystemMessage, UpdateUserMessage, UpdateReasoningMessage, "
                    + "UpdateAssistantMessage (got message_type '" + type + "')");
            return;
        }
        Optional<ObjectNode> updated = conversations.updateMessage(historyKeys(agentId), call.path("message_id"),
                call.body());
        AgentRoutes.reply(call, "Message " + call.path("message_id"), updated);
    }

    private void reset(ApiCall call) {
        String agentId = call.path("agent_id");
        Optional<ObjectNode> agent = store.agent(agentId);
        if (agent.isEmpty()) {
            call.notFound("Agent " + agentId);
            return;
        }
        conversations.clearMessages(ConversationStore.defaultKey(agentId));
        call.ok(agent.get());
    }

    /** The agent's default thread and each of its conversations. */
    private List<String> historyKeys(String agentId) {
        List<String> keys = new ArrayList<>();
        keys.add(ConversationStore.defaultKey(agentId));
        conversations.all().stream().filter(c -> agentId.equals(c.path("agent_id").asString()))
                .forEach(c -> keys.add(c.path("id").asString()));
        return keys;
    }
}

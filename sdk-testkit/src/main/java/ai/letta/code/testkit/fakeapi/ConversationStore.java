package ai.letta.code.testkit.fakeapi;

import static ai.letta.code.testkit.fakeapi.LettaStore.JSON;
import static ai.letta.code.testkit.fakeapi.LettaStore.newId;
import static ai.letta.code.testkit.fakeapi.LettaStore.now;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fake's conversations, their message history and the runs that produced it. A conversation is keyed by its
 * id; an agent's main thread ({@code default}) by {@link #defaultKey(String)}. Deep copies out, one lock.
 */
final class ConversationStore {

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, ObjectNode> conversations = new LinkedHashMap<>();
    private final Map<String, List<ObjectNode>> messages = new LinkedHashMap<>();
    private final Map<String, ObjectNode> runs = new LinkedHashMap<>();

    /** The history key of an agent's {@code default} conversation. */
    static String defaultKey(String agentId) {
        return "default@" + agentId;
    }

    private <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    ObjectNode create(String agentId, JsonNode body) {
        return locked(() -> {
            ObjectNode conversation = JSON.createObjectNode().put("id", newId("conv")).put("agent_id", agentId)
                    .put("created_at", now()).put("updated_at", now());
            conversation.set("summary", copyOrNull(body.path("summary")));
            conversation.putArray("in_context_message_ids");
            conversation.putArray("isolated_block_ids");
            conversation.set("model", copyOrNull(body.path("model")));
            conversation.set("model_settings", copyOrNull(body.path("model_settings")));
            conversation.putNull("last_message_at");
            conversations.put(conversation.get("id").stringValue(), conversation);
            return conversation.deepCopy();
        });
    }

    Optional<ObjectNode> get(String id) {
        return locked(() -> Optional.ofNullable(conversations.get(id)).map(ObjectNode::deepCopy));
    }

    List<ObjectNode> all() {
        return locked(() -> conversations.values().stream().map(ObjectNode::deepCopy).toList());
    }

    Optional<ObjectNode> update(String id, JsonNode patch) {
        return locked(() -> Optional.ofNullable(conversations.get(id)).map(c -> {
            patch.propertyStream().filter(e -> !List.of("id", "agent_id", "created_at").contains(e.getKey()))
                    .forEach(e -> c.set(e.getKey(), e.getValue().deepCopy()));
            c.put("updated_at", now());
            return c.deepCopy();
        }));
    }

    boolean delete(String id) {
        return locked(() -> conversations.remove(id) != null);
    }

    /** A copy of {@code id} with the history up to {@code messageId} (all when null). */
    Optional<ObjectNode> fork(String id, String messageId) {
        return locked(() -> Optional.ofNullable(conversations.get(id)).map(source -> {
            ObjectNode fork = create(source.get("agent_id").asString(), source);
            List<ObjectNode> copied = new ArrayList<>();
            for (ObjectNode message : messages.getOrDefault(id, List.of())) {
                copied.add(message.deepCopy());
                if (message.path("id").asString().equals(messageId)) {
                    break;
                }
            }
            messages.put(fork.get("id").stringValue(), copied);
            return fork;
        }));
    }

    /**
     * Appends a Letta message; a chunk whose id matches the previous message is merged into it. A conversation's
     * {@code in_context_message_ids} end with its newest message, as a Letta server keeps them: Letta Code reads the
     * last one to find an approval still pending when it resumes a conversation.
     */
    void append(String key, ObjectNode message) {
        locked(() -> {
            List<ObjectNode> history = messages.computeIfAbsent(key, k -> new ArrayList<>());
            ObjectNode last = history.isEmpty() ? null : history.get(history.size() - 1);
            if (last != null && last.path("id").equals(message.path("id"))
                    && last.path("message_type").equals(message.path("message_type"))) {
                mergeChunk(last, message);
            } else {
                history.add(message.deepCopy());
                ObjectNode conversation = conversations.get(key);
                if (conversation != null && message.path("id").isString()) {
                    ((ArrayNode) conversation.get("in_context_message_ids")).add(message.get("id").stringValue());
                }
            }
            Optional.ofNullable(conversations.get(key)).ifPresent(c -> c.put("last_message_at", now()));
            return null;
        });
    }

    /** The history of a conversation key, oldest first. */
    List<ObjectNode> messages(String key) {
        return locked(() -> messages.getOrDefault(key, List.of()).stream().map(ObjectNode::deepCopy).toList());
    }

    /** Every history entry with {@code messageId}, in any conversation, oldest first. */
    List<ObjectNode> variants(String messageId) {
        return locked(() -> messages.values().stream().flatMap(List::stream)
                .filter(m -> messageId.equals(m.path("id").asString())).map(ObjectNode::deepCopy).toList());
    }

    /** Every message of every conversation of {@code agentId}, oldest first per conversation. */
    List<ObjectNode> agentMessages(String agentId) {
        return locked(() -> {
            List<ObjectNode> found = new ArrayList<>(messages(defaultKey(agentId)));
            conversations.values().stream().filter(c -> agentId.equals(c.path("agent_id").asString()))
                    .forEach(c -> found.addAll(messages(c.get("id").stringValue())));
            return found;
        });
    }

    ObjectNode startRun(String agentId, String conversationId) {
        return locked(() -> {
            ObjectNode run = JSON.createObjectNode().put("id", newId("run")).put("agent_id", agentId)
                    .put("conversation_id", conversationId).put("status", "running").putNull("stop_reason")
                    .put("background", true).put("created_at", now()).putNull("completed_at");
            runs.put(run.get("id").stringValue(), run);
            return run.deepCopy();
        });
    }

    void finishRun(String runId, String status, String stopReason) {
        locked(() -> Optional.ofNullable(runs.get(runId)).map(run -> {
            if ("running".equals(run.path("status").asString())) {
                run.put("status", status).put("completed_at", now());
                if (stopReason != null) {
                    run.put("stop_reason", stopReason);
                }
            }
            return run;
        }));
    }

    Optional<ObjectNode> run(String id) {
        return locked(() -> Optional.ofNullable(runs.get(id)).map(ObjectNode::deepCopy));
    }

    List<ObjectNode> runs() {
        return locked(() -> runs.values().stream().map(ObjectNode::deepCopy).toList());
    }

    /** Marks every running run of a conversation key cancelled; returns their ids. */
    List<String> cancelRuns(String conversationId) {
        return locked(() -> runs.values().stream()
                .filter(r -> "running".equals(r.path("status").asString())
                        && conversationId.equals(r.path("conversation_id").asString()))
                .map(r -> {
                    r.put("status", "cancelled").put("stop_reason", "cancelled").put("completed_at", now());
                    return r.get("id").stringValue();
                }).toList());
    }

    private static void mergeChunk(ObjectNode into, ObjectNode chunk) {
        for (String field : List.of("content", "reasoning")) {
            if (into.path(field).isString() && chunk.path(field).isString()) {
                into.put(field, into.get(field).stringValue() + chunk.get(field).stringValue());
            }
        }
    }

    private static JsonNode copyOrNull(JsonNode value) {
        return value.isMissingNode() || value.isNull() ? JSON.nullNode() : value.deepCopy();
    }
}

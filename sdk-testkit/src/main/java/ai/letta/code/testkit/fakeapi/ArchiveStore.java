package ai.letta.code.testkit.fakeapi;

import static ai.letta.code.testkit.fakeapi.LettaStore.JSON;
import static ai.letta.code.testkit.fakeapi.LettaStore.newId;
import static ai.letta.code.testkit.fakeapi.LettaStore.now;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Archives, their passages (an agent's archival memory is the passages tagged with its id) and registered
 * tools: enough for CRUD round trips, with substring search in place of embeddings. Deep copies out, one lock.
 */
final class ArchiveStore {

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, ObjectNode> archives = new LinkedHashMap<>();
    private final Map<String, ObjectNode> passages = new LinkedHashMap<>();
    private final Map<String, ObjectNode> tools = new LinkedHashMap<>();

    private <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    ObjectNode createArchive(JsonNode body) {
        return put(archives, "archive", body, "name", "description");
    }

    Optional<ObjectNode> archive(String id) {
        return get(archives, id);
    }

    List<ObjectNode> archives() {
        return all(archives);
    }

    Optional<ObjectNode> updateArchive(String id, JsonNode patch) {
        return locked(() -> Optional.ofNullable(archives.get(id)).map(a -> {
            patch.propertyStream().filter(e -> !e.getKey().equals("id"))
                    .forEach(e -> a.set(e.getKey(), e.getValue().deepCopy()));
            return a.deepCopy();
        }));
    }

    boolean deleteArchive(String id) {
        return locked(() -> {
            passages.values().removeIf(p -> id.equals(p.path("archive_id").asString()));
            return archives.remove(id) != null;
        });
    }

    /** Adds a passage to an archive ({@code archiveId}) or to an agent's archival memory ({@code agentId}). */
    ObjectNode addPassage(String archiveId, String agentId, JsonNode body) {
        ObjectNode passage = put(passages, "passage", body, "text", "tags", "metadata");
        return locked(() -> {
            ObjectNode stored = passages.get(passage.get("id").stringValue());
            stored.put("archive_id", archiveId).put("agent_id", agentId);
            return stored.deepCopy();
        });
    }

    /** Passages of an archive or agent whose text contains {@code query} (all when null), oldest first. */
    List<ObjectNode> passages(String field, String ownerId, String query) {
        String needle = query == null ? "" : query.toLowerCase(Locale.ROOT);
        return locked(() -> passages.values().stream()
                .filter(p -> ownerId.equals(p.path(field).asString()))
                .filter(p -> p.path("text").asString("").toLowerCase(Locale.ROOT).contains(needle))
                .map(ObjectNode::deepCopy).toList());
    }

    boolean deletePassage(String id) {
        return locked(() -> passages.remove(id) != null);
    }

    ObjectNode createTool(JsonNode body) {
        return put(tools, "tool", body, "name", "description", "source_code", "json_schema", "tags");
    }

    Optional<ObjectNode> tool(String id) {
        return get(tools, id);
    }

    List<ObjectNode> tools() {
        return all(tools);
    }

    boolean deleteTool(String id) {
        return locked(() -> tools.remove(id) != null);
    }

    private ObjectNode put(Map<String, ObjectNode> map, String prefix, JsonNode body, String... fields) {
        return locked(() -> {
            ObjectNode entity = JSON.createObjectNode().put("id", newId(prefix));
            for (String field : fields) {
                entity.set(field, body.path(field).isMissingNode() ? JSON.nullNode() : body.get(field).deepCopy());
            }
            entity.put("created_at", now()).put("updated_at", now());
            map.put(entity.get("id").stringValue(), entity);
            return entity.deepCopy();
        });
    }

    private Optional<ObjectNode> get(Map<String, ObjectNode> map, String id) {
        return locked(() -> Optional.ofNullable(map.get(id)).map(ObjectNode::deepCopy));
    }

    private List<ObjectNode> all(Map<String, ObjectNode> map) {
        return locked(() -> map.values().stream().map(ObjectNode::deepCopy).toList());
    }
}

package ai.letta.code.testkit.fakeapi;

import static ai.letta.code.testkit.fakeapi.LettaStore.JSON;
import static ai.letta.code.testkit.fakeapi.LettaStore.newId;
import static ai.letta.code.testkit.fakeapi.LettaStore.now;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Archives, their passages and which agents they are attached to. As on a Letta server, an agent's archival memory
 * is the passages of the archives attached to it: the first write to an agent with none creates and attaches one. Entities are the OpenAPI's {@code Archive} and {@code Passage} objects (no embeddings:
 * {@code embedding} is null). Deep copies out, one lock.
 */
final class ArchiveStore {

    /** The fake's organization, which a Letta server stamps on every archive. */
    static final String ORGANIZATION = "org-00000000-0000-4000-8000-000000000000";

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, ObjectNode> archives = new LinkedHashMap<>();
    private final Map<String, ObjectNode> passages = new LinkedHashMap<>();
    private final Map<String, Set<String>> attached = new LinkedHashMap<>();

    private <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    // ---- archives --------------------------------------------------------------------------------------------

    /** An {@code Archive} from an {@code ArchiveCreateRequest}; an embedding handle becomes its embedding config. */
    ObjectNode createArchive(JsonNode body) {
        return locked(() -> {
            String now = now();
            ObjectNode archive = JSON.createObjectNode().put("id", newId("archive"))
                    .put("name", body.path("name").asString()).put("organization_id", ORGANIZATION);
            archive.set("description", textOrNull(body.path("description")));
            archive.put("vector_db_provider", "native");
            if (body.path("embedding_config").isObject()) {
                archive.set("embedding_config", body.get("embedding_config").deepCopy());
            } else if (body.path("embedding").isString()) {
                archive.set("embedding_config", embeddingConfig(body.get("embedding").stringValue()));
            } else {
                archive.putNull("embedding_config");
            }
            archive.putObject("metadata");
            archive.putNull("created_by_id").putNull("last_updated_by_id").put("created_at", now)
                    .put("updated_at", now);
            archives.put(archive.get("id").stringValue(), archive);
            return archive.deepCopy();
        });
    }

    Optional<ObjectNode> archive(String id) {
        return get(archives, id);
    }

    List<ObjectNode> archives() {
        return all(archives);
    }

    /** Applies an {@code ArchiveUpdateRequest}: {@code name} and {@code description} only. */
    Optional<ObjectNode> updateArchive(String id, JsonNode patch) {
        return locked(() -> Optional.ofNullable(archives.get(id)).map(a -> {
            for (String field : List.of("name", "description")) {
                if (patch.has(field)) {
                    a.set(field, patch.get(field).deepCopy());
                }
            }
            a.put("updated_at", now());
            return a.deepCopy();
        }));
    }

    boolean deleteArchive(String id) {
        return locked(() -> {
            passages.values().removeIf(p -> id.equals(p.path("archive_id").asString()));
            attached.values().forEach(ids -> ids.remove(id));
            return archives.remove(id) != null;
        });
    }

    // ---- attachment ------------------------------------------------------------------------------------------

    /** Attaches or detaches; false when the archive is unknown. */
    boolean attach(String agentId, String archiveId, boolean attach) {
        return locked(() -> {
            if (!archives.containsKey(archiveId)) {
                return false;
            }
            Set<String> ids = attached.computeIfAbsent(agentId, k -> new LinkedHashSet<>());
            if (attach) {
                ids.add(archiveId);
            } else {
                ids.remove(archiveId);
            }
            return true;
        });
    }

    /** The agents an archive is attached to, in attach order. */
    List<String> agentsOf(String archiveId) {
        return locked(() -> attached.entrySet().stream().filter(e -> e.getValue().contains(archiveId))
                .map(Map.Entry::getKey).toList());
    }

    /** The archives attached to an agent, in attach order. */
    List<String> archivesOf(String agentId) {
        return locked(() -> List.copyOf(attached.getOrDefault(agentId, Set.of())));
    }

    // ---- passages --------------------------------------------------------------------------------------------

    /** Adds a {@code Passage} to an archive from a {@code PassageCreateRequest}; empty when the archive is unknown. */
    Optional<ObjectNode> addPassage(String archiveId, JsonNode body) {
        return locked(() -> {
            ObjectNode archive = archives.get(archiveId);
            if (archive == null) {
                return Optional.empty();
            }
            String now = now();
            ObjectNode passage = JSON.createObjectNode().putNull("created_by_id").putNull("last_updated_by_id")
                    .put("created_at", body.path("created_at").isString() ? body.get("created_at").stringValue() : now)
                    .put("updated_at", now).put("is_deleted", false).put("archive_id", archiveId)
                    .putNull("source_id").putNull("file_id").putNull("file_name");
            passage.set("metadata", body.path("metadata").isObject() ? body.get("metadata").deepCopy()
                    : JSON.createObjectNode());
            passage.set("tags", body.path("tags").isArray() ? body.get("tags").deepCopy() : JSON.nullNode());
            passage.put("id", newId("passage")).put("text", body.path("text").asString(""));
            passage.putNull("embedding");
            passage.set("embedding_config", archive.get("embedding_config").deepCopy());
            passages.put(passage.get("id").stringValue(), passage);
            return Optional.of(passage.deepCopy());
        });
    }

    /**
     * Adds a passage to an agent's archival memory: into its first attached archive, or a new one it is attached to.
     */
    ObjectNode addMemory(String agentId, String agentName, JsonNode body) {
        return locked(() -> {
            String archiveId = archivesOf(agentId).stream().findFirst().orElseGet(() -> {
                String id = createArchive(JSON.createObjectNode().put("name", agentName + " archival memory"))
                        .get("id").stringValue();
                attach(agentId, id, true);
                return id;
            });
            return addPassage(archiveId, body).orElseThrow();
        });
    }

    /** The passages of the given archives, oldest first. */
    List<ObjectNode> passagesOf(List<String> archiveIds) {
        return locked(() -> passages.values().stream().filter(p -> archiveIds.contains(p.path("archive_id").asString()))
                .map(ObjectNode::deepCopy).toList());
    }

    /** Every passage, oldest first. */
    List<ObjectNode> passages() {
        return all(passages);
    }

    /** Deletes a passage if it belongs to one of {@code archiveIds}. */
    boolean deletePassage(List<String> archiveIds, String passageId) {
        return locked(() -> {
            ObjectNode passage = passages.get(passageId);
            if (passage == null || !archiveIds.contains(passage.path("archive_id").asString())) {
                return false;
            }
            passages.remove(passageId);
            return true;
        });
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /** An {@code EmbeddingConfig} for a {@code provider/model} handle. */
    private static ObjectNode embeddingConfig(String handle) {
        int slash = handle.indexOf('/');
        String provider = slash > 0 ? handle.substring(0, slash) : "openai";
        return JSON.createObjectNode().put("embedding_endpoint_type", provider).putNull("embedding_endpoint")
                .put("embedding_model", slash > 0 ? handle.substring(slash + 1) : handle).put("embedding_dim", 1536)
                .put("embedding_chunk_size", 300).put("handle", handle).put("batch_size", 32);
    }

    private static JsonNode textOrNull(JsonNode value) {
        return value.isString() ? value.deepCopy() : JSON.nullNode();
    }

    private Optional<ObjectNode> get(Map<String, ObjectNode> map, String id) {
        return locked(() -> Optional.ofNullable(map.get(id)).map(ObjectNode::deepCopy));
    }

    private List<ObjectNode> all(Map<String, ObjectNode> map) {
        return locked(() -> new ArrayList<>(map.values().stream().map(ObjectNode::deepCopy).toList()));
    }
}

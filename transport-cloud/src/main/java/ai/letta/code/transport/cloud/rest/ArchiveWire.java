package ai.letta.code.transport.cloud.rest;

import ai.letta.code.api.archive.ArchiveInfo;
import ai.letta.code.api.archive.PassageInfo;
import ai.letta.code.api.archive.PassageSearchResult;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Letta API's archive and passage shapes ({@code Archive}, {@code Passage}, {@code ArchivalMemorySearchResponse},
 * {@code PassageSearchResult}) and their mapping to sdk-api values. Each record keeps the fields it does not name in
 * {@code extras}, which the values expose.
 */
final class ArchiveWire {

    private ArchiveWire() {
    }

    /** {@code Archive}. {@code embedding_config} is read for its handle and kept whole in the extras. */
    record Archive(String id, String name, String description,
            @JsonProperty("vector_db_provider") String vectorDbProvider,
            @JsonProperty("embedding_config") Map<String, Object> embeddingConfig, Map<String, Object> metadata,
            @JsonProperty("created_at") String createdAt, @JsonProperty("updated_at") String updatedAt,
            @JsonAnySetter Map<String, Object> extras) {
    }

    /** {@code Passage}. */
    record Passage(String id, String text, @JsonProperty("archive_id") String archiveId, List<String> tags,
            Map<String, Object> metadata, @JsonProperty("created_at") String createdAt,
            @JsonProperty("updated_at") String updatedAt, @JsonAnySetter Map<String, Object> extras) {
    }

    /** {@code ArchivalMemorySearchResponse}. */
    record MemorySearch(List<MemoryHit> results, Integer count) {
    }

    /** {@code ArchivalMemorySearchResult}. */
    record MemoryHit(String id, String timestamp, String content, List<String> tags,
            @JsonAnySetter Map<String, Object> extras) {
    }

    /** {@code PassageSearchResult}: {@code metadata} stays in the extras. */
    record PassageHit(Passage passage, Double score, @JsonAnySetter Map<String, Object> extras) {
    }

    static ArchiveInfo archive(Archive archive) {
        Map<String, Object> config = archive.embeddingConfig();
        Object handle = config == null ? null : config.get("handle");
        if (!(handle instanceof String) && config != null && config.get("embedding_model") instanceof String model) {
            handle = config.get("embedding_endpoint_type") instanceof String type ? type + "/" + model : model;
        }
        Map<String, Object> extras = new LinkedHashMap<>();
        if (archive.extras() != null) {
            extras.putAll(archive.extras());
        }
        if (config != null) {
            extras.put("embedding_config", config);
        }
        return new ArchiveInfo(archive.id(), archive.name(), archive.description(),
                handle instanceof String text ? text : null, archive.vectorDbProvider(), archive.metadata(),
                WireMapping.instant(archive.createdAt()), WireMapping.instant(archive.updatedAt()), extras);
    }

    static PassageInfo passage(Passage passage) {
        return new PassageInfo(passage.id(), passage.text(), passage.archiveId(), passage.tags(), passage.metadata(),
                WireMapping.instant(passage.createdAt()), WireMapping.instant(passage.updatedAt()), passage.extras());
    }

    static PassageSearchResult hit(MemoryHit hit) {
        return new PassageSearchResult(hit.id(), hit.content(), hit.tags(), WireMapping.instant(hit.timestamp()),
                null, null, hit.extras());
    }

    static PassageSearchResult hit(PassageHit hit) {
        Passage passage = hit.passage();
        PassageInfo info = passage == null ? null : passage(passage);
        return new PassageSearchResult(info == null ? null : info.id(), info == null ? null : info.text(),
                info == null ? null : info.tags(), info == null ? null : info.createdAt().orElse(null), hit.score(),
                info, hit.extras());
    }
}

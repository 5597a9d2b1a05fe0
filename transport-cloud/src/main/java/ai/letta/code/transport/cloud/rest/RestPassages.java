package ai.letta.code.transport.cloud.rest;

import ai.letta.code.api.archive.PassageCreate;
import ai.letta.code.api.archive.PassageInfo;
import ai.letta.code.api.archive.PassageSearch;
import ai.letta.code.api.archive.PassageSearchResult;
import ai.letta.code.api.archive.Passages;
import ai.letta.code.api.conversation.Page;
import ai.letta.code.api.conversation.PageRequest;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.internal.Checks;
import ai.letta.code.transport.cloud.http.ApiRequest;
import ai.letta.code.transport.cloud.http.LettaHttp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Passages over the Letta REST API: an archive's ({@code /v1/archives/{id}/passages}), an agent's archival memory
 * ({@code /v1/agents/{id}/archival-memory}) and the cross-archive search ({@code POST /v1/passages/search}).
 * Ids and requests are checked before anything is sent. The archival-memory listing orders by
 * {@code ascending} where the other lists take {@code order}; the page request maps to either. Thread-safe.
 */
public final class RestPassages implements Passages {

    private final LettaHttp http;

    /** @param http the client to send with */
    public RestPassages(LettaHttp http) {
        this.http = Checks.requireNonNull(http, "http");
    }

    @Override
    public PassageInfo insert(String archiveId, PassageCreate passage) {
        String id = RestArchives.archiveId(archiveId);
        Map<String, Object> body = body(Checks.requireNonNull(passage, "passage"), true);
        return ArchiveWire.passage(http.call(ApiRequest.post("v1", "archives", id, "passages").body(body).build(),
                ArchiveWire.Passage.class));
    }

    @Override
    public List<PassageInfo> insertAll(String archiveId, List<PassageCreate> passages) {
        String id = RestArchives.archiveId(archiveId);
        Checks.requireNonNull(passages, "passages");
        if (passages.isEmpty()) {
            throw new ConfigurationException("passages must hold at least one passage");
        }
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (PassageCreate passage : passages) {
            bodies.add(body(Checks.requireNonNull(passage, "passages[]"), true));
        }
        return RestPages.items(http.call(ApiRequest.post("v1", "archives", id, "passages", "batch")
                .body(Map.of("passages", bodies)).build(), ArchiveWire.Passage[].class)).stream()
                .map(ArchiveWire::passage).toList();
    }

    @Override
    public void delete(String archiveId, String passageId) {
        String archive = RestArchives.archiveId(archiveId);
        String passage = Checks.requireId(passageId, "passageId", "passage");
        http.send(ApiRequest.delete("v1", "archives", archive, "passages", passage).build());
    }

    @Override
    public Page<PassageInfo> listMemory(String agentId, PageRequest page) {
        return memory(agentId(agentId), null, Checks.requireNonNull(page, "page"));
    }

    @Override
    public Page<PassageInfo> listMemory(String agentId, String search, PageRequest page) {
        return memory(agentId(agentId), Checks.requireText(search, "search"), Checks.requireNonNull(page, "page"));
    }

    private Page<PassageInfo> memory(String agent, String search, PageRequest page) {
        ApiRequest.Builder request = ApiRequest.get("v1", "agents", agent, "archival-memory")
                .query("limit", page.limit()).query("before", page.before().orElse(null))
                .query("after", page.after().orElse(null)).query("ascending", page.ascending())
                .query("search", search);
        ArchiveWire.Passage[] answer = http.call(request.build(), ArchiveWire.Passage[].class);
        return RestPages.of(RestPages.items(answer).stream().map(ArchiveWire::passage).toList(), page,
                PassageInfo::id, next -> memory(agent, search, next));
    }

    @Override
    public List<PassageInfo> insertMemory(String agentId, PassageCreate passage) {
        String agent = agentId(agentId);
        Map<String, Object> body = body(Checks.requireNonNull(passage, "passage"), false);
        return RestPages.items(http.call(ApiRequest.post("v1", "agents", agent, "archival-memory").body(body)
                .build(), ArchiveWire.Passage[].class)).stream().map(ArchiveWire::passage).toList();
    }

    @Override
    public List<PassageSearchResult> searchMemory(String agentId, PassageSearch search) {
        String agent = agentId(agentId);
        Checks.requireNonNull(search, "search");
        String query = search.query().orElseThrow(() -> new ConfigurationException(
                "PassageSearch.query is required to search an agent's archival memory"));
        if (search.agentId().isPresent() || search.archiveId().isPresent()) {
            throw new ConfigurationException("PassageSearch.agentId/archiveId do not apply to searchMemory(agentId, "
                    + "...), which searches that agent's memory; use search(PassageSearch) to search elsewhere");
        }
        ApiRequest.Builder request = ApiRequest.get("v1", "agents", agent, "archival-memory", "search")
                .query("query", query).queryAll("tags", search.tags())
                .query("tag_match_mode", search.tags().isEmpty() ? null : search.matchAllTags() ? "all" : "any")
                .query("top_k", search.limit().isPresent() ? search.limit().getAsInt() : null)
                .query("start_datetime", search.start().orElse(null))
                .query("end_datetime", search.end().orElse(null));
        ArchiveWire.MemorySearch answer = http.call(request.build(), ArchiveWire.MemorySearch.class);
        return answer == null || answer.results() == null ? List.of()
                : answer.results().stream().filter(h -> h != null).map(ArchiveWire::hit).toList();
    }

    @Override
    public void deleteMemory(String agentId, String passageId) {
        String agent = agentId(agentId);
        String passage = Checks.requireId(passageId, "passageId", "passage");
        http.send(ApiRequest.delete("v1", "agents", agent, "archival-memory", passage).build());
    }

    @Override
    public List<PassageSearchResult> search(PassageSearch search) {
        Checks.requireNonNull(search, "search");
        Map<String, Object> body = new LinkedHashMap<>();
        search.query().ifPresent(q -> body.put("query", q));
        search.agentId().ifPresent(a -> body.put("agent_id", a));
        search.archiveId().ifPresent(a -> body.put("archive_id", a));
        if (!search.tags().isEmpty()) {
            body.put("tags", search.tags());
            body.put("tag_match_mode", search.matchAllTags() ? "all" : "any");
        }
        search.limit().ifPresent(limit -> body.put("limit", limit));
        search.start().ifPresent(start -> body.put("start_date", start.toString()));
        search.end().ifPresent(end -> body.put("end_date", end.toString()));
        // A search changes nothing: safe to send twice.
        return RestPages.items(http.call(ApiRequest.post("v1", "passages", "search").body(body).idempotent()
                .build(), ArchiveWire.PassageHit[].class)).stream().map(ArchiveWire::hit).toList();
    }

    private static String agentId(String agentId) {
        return Checks.requireId(agentId, "agentId", "agent");
    }

    /** {@code PassageCreateRequest}, or {@code CreateArchivalMemory} (no metadata) unless {@code withMetadata}. */
    private static Map<String, Object> body(PassageCreate passage, boolean withMetadata) {
        if (!withMetadata && passage.metadata().isPresent()) {
            throw new ConfigurationException("PassageCreate.metadata is not taken by an agent's archival memory "
                    + "(CreateArchivalMemory has text, tags and created_at); insert into an archive to keep metadata");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", passage.text());
        passage.tags().ifPresent(tags -> body.put("tags", tags));
        passage.metadata().ifPresent(metadata -> body.put("metadata", metadata));
        passage.createdAt().ifPresent(at -> body.put("created_at", at.toString()));
        return body;
    }
}

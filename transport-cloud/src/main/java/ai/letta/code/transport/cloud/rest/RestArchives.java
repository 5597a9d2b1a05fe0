package ai.letta.code.transport.cloud.rest;

import ai.letta.code.api.agent.AgentInfo;
import ai.letta.code.api.archive.ArchiveCreate;
import ai.letta.code.api.archive.ArchiveFilter;
import ai.letta.code.api.archive.ArchiveInfo;
import ai.letta.code.api.archive.ArchiveUpdate;
import ai.letta.code.api.archive.Archives;
import ai.letta.code.api.conversation.Page;
import ai.letta.code.api.conversation.PageRequest;
import ai.letta.code.api.exception.ProtocolException;
import ai.letta.code.internal.Checks;
import ai.letta.code.transport.cloud.http.ApiRequest;
import ai.letta.code.transport.cloud.http.LettaHttp;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Archives over the Letta REST API ({@code /v1/archives}, {@code /v1/agents/{id}/archives/attach|detach}). Ids
 * and requests are checked before anything is sent; an unknown archive or agent is the client's
 * {@code NotFoundException}, whose message names the request. Thread-safe.
 */
public final class RestArchives implements Archives {

    private final LettaHttp http;

    /** @param http the client to send with */
    public RestArchives(LettaHttp http) {
        this.http = Checks.requireNonNull(http, "http");
    }

    @Override
    public ArchiveInfo create(ArchiveCreate archive) {
        Checks.requireNonNull(archive, "archive");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", archive.name());
        archive.description().ifPresent(d -> body.put("description", d));
        archive.embedding().ifPresent(e -> body.put("embedding", e));
        archive.embeddingConfig().ifPresent(c -> body.put("embedding_config", c));
        return answered(http.call(ApiRequest.post("v1", "archives").trailingSlash().body(body).build(),
                ArchiveWire.Archive.class), "POST /v1/archives/");
    }

    @Override
    public ArchiveInfo get(String archiveId) {
        String id = archiveId(archiveId);
        return answered(http.call(ApiRequest.get("v1", "archives", id).build(), ArchiveWire.Archive.class),
                "GET /v1/archives/" + id);
    }

    @Override
    public ArchiveInfo update(String archiveId, ArchiveUpdate update) {
        String id = archiveId(archiveId);
        Checks.requireNonNull(update, "update");
        Map<String, Object> body = new LinkedHashMap<>();
        update.name().ifPresent(n -> body.put("name", n));
        update.description().ifPresent(d -> body.put("description", d));
        return answered(http.call(ApiRequest.patch("v1", "archives", id).body(body).build(),
                ArchiveWire.Archive.class), "PATCH /v1/archives/" + id);
    }

    @Override
    public void delete(String archiveId) {
        http.send(ApiRequest.delete("v1", "archives", archiveId(archiveId)).build());
    }

    @Override
    public Page<ArchiveInfo> list(ArchiveFilter filter, PageRequest page) {
        Checks.requireNonNull(filter, "filter");
        Checks.requireNonNull(page, "page");
        ApiRequest.Builder request = ApiRequest.get("v1", "archives").trailingSlash()
                .query("name", filter.name().orElse(null)).query("agent_id", filter.agentId().orElse(null));
        ArchiveWire.Archive[] answer = http.call(RestPages.query(request, page).build(), ArchiveWire.Archive[].class);
        return RestPages.of(RestPages.items(answer).stream().map(ArchiveWire::archive).toList(), page,
                ArchiveInfo::id, next -> list(filter, next));
    }

    @Override
    public Page<AgentInfo> agents(String archiveId, PageRequest page) {
        String id = archiveId(archiveId);
        Checks.requireNonNull(page, "page");
        Wire.Agent[] answer = http.call(RestPages.query(ApiRequest.get("v1", "archives", id, "agents"), page)
                .build(), Wire.Agent[].class);
        return RestPages.of(RestPages.items(answer).stream().map(WireMapping::agent).toList(), page,
                AgentInfo::id, next -> agents(id, next));
    }

    @Override
    public void attach(String agentId, String archiveId) {
        link("attach", agentId, archiveId);
    }

    @Override
    public void detach(String agentId, String archiveId) {
        link("detach", agentId, archiveId);
    }

    private void link(String how, String agentId, String archiveId) {
        String agent = Checks.requireId(agentId, "agentId", "agent");
        String archive = archiveId(archiveId);
        http.send(ApiRequest.patch("v1", "agents", agent, "archives", how, archive).build());
    }

    static String archiveId(String archiveId) {
        return Checks.requireId(archiveId, "archiveId", "archive");
    }

    private ArchiveInfo answered(ArchiveWire.Archive archive, String request) {
        if (archive == null || archive.id() == null || archive.id().isBlank()) {
            throw new ProtocolException(request + " on the Letta API at " + http.baseUrl()
                    + " answered without an archive id");
        }
        return ArchiveWire.archive(archive);
    }
}

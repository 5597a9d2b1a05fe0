package ai.letta.code.transport.cloud.rest;

import ai.letta.code.api.agent.AgentFile;
import ai.letta.code.api.agent.AgentFilter;
import ai.letta.code.api.agent.AgentInfo;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.agent.AgentUpdate;
import ai.letta.code.api.agent.ContextWindow;
import ai.letta.code.api.agent.ImportOptions;
import ai.letta.code.api.conversation.Page;
import ai.letta.code.api.conversation.PageRequest;
import ai.letta.code.api.exception.AgentNotFoundException;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.exception.NotFoundException;
import ai.letta.code.api.exception.ProtocolException;
import ai.letta.code.api.agent.Agents;
import ai.letta.code.internal.Checks;
import ai.letta.code.transport.cloud.http.ApiRequest;
import ai.letta.code.transport.cloud.http.FormBody;
import ai.letta.code.transport.cloud.http.LettaHttp;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Agents over the Letta REST API: created through {@link ControlPlane#createAgent}, fetched with their memory
 * blocks ({@code GET /v1/agents/{id}?include=agent.blocks}), listed newest first unless asked otherwise
 * ({@code GET /v1/agents?limit&before&after&order}, without blocks, as the remote backend lists them), filtered
 * and counted ({@code name}, {@code tags}, {@code match_all_tags}, {@code query_text}), changed
 * ({@code PATCH /v1/agents/{id}}) and deleted; exported as agent files ({@code GET /v1/agents/{id}/export}) and
 * imported from them ({@code POST /v1/agents/import}, {@code multipart/form-data}), and their context window
 * read ({@code GET /v1/agents/{id}/context}). Thread-safe.
 */
public final class RestAgents implements Agents {

    private static final List<String> INCLUDE = List.of("agent.blocks", "agent.tags");

    private final LettaHttp http;
    private final ControlPlane controlPlane;

    /**
     * @param http the client to send with
     * @param controlPlane creates the agents
     */
    public RestAgents(LettaHttp http, ControlPlane controlPlane) {
        this.http = Checks.requireNonNull(http, "http");
        this.controlPlane = Checks.requireNonNull(controlPlane, "controlPlane");
    }

    @Override
    public String create(AgentOptions options) {
        return controlPlane.createAgent(options);
    }

    @Override
    public AgentInfo get(String agentId) {
        String id = Checks.requireText(agentId, "agentId").strip();
        try {
            return WireMapping.agent(http.call(ApiRequest.get("v1", "agents", id).queryAll("include", INCLUDE)
                    .build(), Wire.Agent.class));
        } catch (NotFoundException e) {
            throw notFound(id, e);
        }
    }

    @Override
    public Page<AgentInfo> list(PageRequest page) {
        Checks.requireNonNull(page, "page");
        Wire.Agent[] agents = http.call(RestPages.query(ApiRequest.get("v1", "agents").trailingSlash(), page)
                .query("order_by", "created_at").build(), Wire.Agent[].class);
        return RestPages.of(RestPages.items(agents).stream().map(WireMapping::agent).toList(), page, AgentInfo::id, this::list);
    }

    @Override
    public AgentInfo update(String agentId, AgentUpdate update) {
        String id = Checks.requireId(agentId, "agentId", "agent");
        Checks.requireNonNull(update, "update");
        try {
            http.call(ApiRequest.patch("v1", "agents", id).body(update.fields()).build(), Wire.Agent.class);
        } catch (NotFoundException e) {
            throw notFound(id, e);
        }
        // The PATCH answer leaves the blocks out unless asked; read the agent as get() shows it.
        return get(id);
    }

    @Override
    public Page<AgentInfo> list(AgentFilter filter, PageRequest page) {
        Checks.requireNonNull(filter, "filter");
        Checks.requireNonNull(page, "page");
        Wire.Agent[] agents = http.call(RestPages.query(filtered(ApiRequest.get("v1", "agents").trailingSlash(),
                filter), page).query("order_by", "created_at").build(), Wire.Agent[].class);
        return RestPages.of(RestPages.items(agents).stream().map(WireMapping::agent).toList(), page, AgentInfo::id,
                next -> list(filter, next));
    }

    @Override
    public int count(AgentFilter filter) {
        Checks.requireNonNull(filter, "filter");
        Integer count = http.call(filtered(ApiRequest.get("v1", "agents", "count"), filter).build(), Integer.class);
        return count == null ? 0 : count;
    }

    private static ApiRequest.Builder filtered(ApiRequest.Builder request, AgentFilter filter) {
        request.query("name", filter.name().orElse(null)).query("query_text", filter.queryText().orElse(null))
                .queryAll("tags", filter.tags());
        if (!filter.tags().isEmpty()) {
            request.query("match_all_tags", filter.matchAllTags());
        }
        return request;
    }

    @Override
    public void delete(String agentId) {
        String id = Checks.requireText(agentId, "agentId").strip();
        try {
            http.send(ApiRequest.delete("v1", "agents", id).build());
        } catch (NotFoundException e) {
            throw notFound(id, e);
        }
    }

    @Override
    public AgentFile exportAgent(String agentId) {
        String id = Checks.requireId(agentId, "agentId", "agent");
        String json;
        try {
            json = http.document(ApiRequest.get("v1", "agents", id, "export").build());
        } catch (NotFoundException e) {
            throw notFound(id, e);
        }
        try {
            return AgentFile.of(json);
        } catch (ConfigurationException e) {
            throw new ProtocolException("the export of agent " + id + " from the Letta API at " + http.baseUrl()
                    + " is not an agent file (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public List<String> importAgent(AgentFile file, ImportOptions options) {
        Checks.requireNonNull(file, "file");
        Checks.requireNonNull(options, "options");
        FormBody form = FormBody.builder()
                .file("file", "agent.af", "application/json", file.json().getBytes(StandardCharsets.UTF_8))
                .field("name", options.name().orElse(null)).field("model", options.model().orElse(null))
                .field("embedding", options.embedding().orElse(null))
                .field("strip_messages", options.stripMessages())
                .field("override_existing_tools", options.overrideExistingTools()).build();
        Wire.ImportedAgents imported = http.call(ApiRequest.post("v1", "agents", "import").form(form).build(),
                Wire.ImportedAgents.class);
        if (imported == null || imported.agentIds() == null) {
            throw new ProtocolException("the Letta API at " + http.baseUrl() + " answered the import without "
                    + "agent_ids");
        }
        return List.copyOf(imported.agentIds());
    }

    @Override
    public ContextWindow contextWindow(String agentId) {
        String id = Checks.requireId(agentId, "agentId", "agent");
        try {
            return WireMapping.contextWindow(http.call(ApiRequest.get("v1", "agents", id, "context").build(),
                    Wire.ContextOverview.class));
        } catch (NotFoundException e) {
            throw notFound(id, e);
        }
    }

    private AgentNotFoundException notFound(String agentId, NotFoundException cause) {
        return new AgentNotFoundException("agent " + agentId + " is not known to the Letta API at "
                + http.baseUrl(), cause);
    }
}

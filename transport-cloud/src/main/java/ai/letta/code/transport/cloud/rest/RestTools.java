package ai.letta.code.transport.cloud.rest;

import ai.letta.code.api.conversation.Page;
import ai.letta.code.api.conversation.PageRequest;
import ai.letta.code.api.exception.AgentNotFoundException;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.exception.NotFoundException;
import ai.letta.code.api.tool.ToolCreate;
import ai.letta.code.api.tool.ToolFilter;
import ai.letta.code.api.tool.ToolInfo;
import ai.letta.code.api.tool.ToolSearch;
import ai.letta.code.api.tool.ToolSearchResult;
import ai.letta.code.api.tool.ToolUpdate;
import ai.letta.code.api.tool.Tools;
import ai.letta.code.internal.Checks;
import ai.letta.code.transport.cloud.http.ApiRequest;
import ai.letta.code.transport.cloud.http.LettaHttp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tools over the Letta REST API ({@code /v1/tools/…}, {@code /v1/agents/{id}/tools/…}). Every id and name is
 * checked before anything is sent; a request body carries only the parts the caller set. Thread-safe.
 */
public final class RestTools implements Tools {

    private final LettaHttp http;

    /** @param http the client to send with */
    public RestTools(LettaHttp http) {
        this.http = Checks.requireNonNull(http, "http");
    }

    @Override
    public Page<ToolInfo> list(ToolFilter filter, PageRequest page) {
        Checks.requireNonNull(filter, "filter");
        Checks.requireNonNull(page, "page");
        ApiRequest.Builder request = filtered(ApiRequest.get("v1", "tools").trailingSlash(), filter);
        if (filter.onlyLettaTools()) {
            request.query("return_only_letta_tools", true);
        }
        List<ToolInfo> tools = RestPages.items(http.call(RestPages.query(request, page).build(),
                ToolWire.Tool[].class)).stream().map(ToolWire::tool).toList();
        return RestPages.of(tools, page, ToolInfo::id, next -> list(filter, next));
    }

    @Override
    public int count(ToolFilter filter) {
        Checks.requireNonNull(filter, "filter");
        ApiRequest.Builder request = filtered(ApiRequest.get("v1", "tools", "count"), filter);
        if (filter.onlyLettaTools()) {
            request.query("return_only_letta_tools", true);
        }
        Integer count = http.call(request.build(), Integer.class);
        return count == null ? 0 : count;
    }

    @Override
    public ToolInfo get(String toolId) {
        String id = Checks.requireId(toolId, "toolId", "tool");
        try {
            return ToolWire.tool(http.call(ApiRequest.get("v1", "tools", id).build(), ToolWire.Tool.class));
        } catch (NotFoundException e) {
            throw missing(id, e);
        }
    }

    @Override
    public ToolInfo create(ToolCreate create) {
        Checks.requireNonNull(create, "create");
        return ToolWire.tool(http.call(ApiRequest.post("v1", "tools").trailingSlash().body(body(create)).build(),
                ToolWire.Tool.class));
    }

    @Override
    public ToolInfo upsert(ToolCreate create) {
        Checks.requireNonNull(create, "create");
        return ToolWire.tool(http.call(ApiRequest.put("v1", "tools").trailingSlash().body(body(create)).build(),
                ToolWire.Tool.class));
    }

    @Override
    public ToolInfo update(String toolId, ToolUpdate update) {
        String id = Checks.requireId(toolId, "toolId", "tool");
        Checks.requireNonNull(update, "update");
        Map<String, Object> body = new LinkedHashMap<>();
        update.sourceCode().ifPresent(v -> body.put("source_code", v));
        update.sourceType().ifPresent(v -> body.put("source_type", v));
        update.description().ifPresent(v -> body.put("description", v));
        update.tags().ifPresent(v -> body.put("tags", v));
        update.jsonSchema().ifPresent(v -> body.put("json_schema", v));
        update.argsJsonSchema().ifPresent(v -> body.put("args_json_schema", v));
        update.returnCharLimit().ifPresent(v -> body.put("return_char_limit", v));
        update.defaultRequiresApproval().ifPresent(v -> body.put("default_requires_approval", v));
        update.enableParallelExecution().ifPresent(v -> body.put("enable_parallel_execution", v));
        update.metadata().ifPresent(v -> body.put("metadata_", v));
        try {
            return ToolWire.tool(http.call(ApiRequest.patch("v1", "tools", id).body(body).build(),
                    ToolWire.Tool.class));
        } catch (NotFoundException e) {
            throw missing(id, e);
        }
    }

    @Override
    public void delete(String toolId) {
        String id = Checks.requireId(toolId, "toolId", "tool");
        try {
            http.send(ApiRequest.delete("v1", "tools", id).build());
        } catch (NotFoundException e) {
            throw missing(id, e);
        }
    }

    @Override
    public List<ToolSearchResult> search(ToolSearch search) {
        Checks.requireNonNull(search, "search");
        Map<String, Object> body = new LinkedHashMap<>();
        search.query().ifPresent(v -> body.put("query", v));
        search.mode().ifPresent(v -> body.put("search_mode", v.wireName()));
        search.toolTypes().ifPresent(v -> body.put("tool_types", v));
        search.tags().ifPresent(v -> body.put("tags", v));
        search.limit().ifPresent(v -> body.put("limit", v));
        // A search changes nothing: safe to send twice.
        return RestPages.items(http.call(ApiRequest.post("v1", "tools", "search").body(body).idempotent().build(),
                ToolWire.SearchResult[].class)).stream().filter(r -> r.tool() != null).map(ToolWire::result)
                .toList();
    }

    @Override
    public Page<ToolInfo> listForAgent(String agentId, PageRequest page) {
        String agent = Checks.requireId(agentId, "agentId", "agent");
        Checks.requireNonNull(page, "page");
        ToolWire.Tool[] answer;
        try {
            answer = http.call(RestPages.query(ApiRequest.get("v1", "agents", agent, "tools"), page).build(),
                    ToolWire.Tool[].class);
        } catch (NotFoundException e) {
            throw new AgentNotFoundException("agent " + agent + " is not known to the Letta API at "
                    + http.baseUrl(), e);
        }
        return RestPages.of(RestPages.items(answer).stream().map(ToolWire::tool).toList(), page, ToolInfo::id,
                next -> listForAgent(agent, next));
    }

    @Override
    public void attach(String agentId, String toolId) {
        attachment(agentId, toolId, "attach");
    }

    @Override
    public void detach(String agentId, String toolId) {
        attachment(agentId, toolId, "detach");
    }

    @Override
    public void updateApproval(String agentId, String toolName, boolean requiresApproval) {
        String agent = Checks.requireId(agentId, "agentId", "agent");
        String name = requireToolName(toolName);
        try {
            // The body (ModifyApprovalRequest) only: the document deprecates the ?requires_approval= query form.
            http.send(ApiRequest.patch("v1", "agents", agent, "tools", "approval", name)
                    .body(Map.of("requires_approval", requiresApproval)).build());
        } catch (NotFoundException e) {
            throw new NotFoundException("agent " + agent + " (or its tool '" + name + "') is not known to the Letta"
                    + " API at " + http.baseUrl(), e);
        }
    }

    private void attachment(String agentId, String toolId, String verb) {
        String agent = Checks.requireId(agentId, "agentId", "agent");
        String tool = Checks.requireId(toolId, "toolId", "tool");
        try {
            http.send(ApiRequest.patch("v1", "agents", agent, "tools", verb, tool).build());
        } catch (NotFoundException e) {
            throw new NotFoundException("agent " + agent + " or tool " + tool + " is not known to the Letta API at "
                    + http.baseUrl() + " (" + verb + ")", e);
        }
    }

    /** A tool name is a path segment: a plain identifier-like name, no {@code /} or control character. */
    static String requireToolName(String name) {
        String checked = Checks.requireText(name, "toolName").strip();
        for (int i = 0; i < checked.length(); i++) {
            char c = checked.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || c == '/' || c == '\\' || c == '?'
                    || c == '#' || c == '%') {
                throw new ConfigurationException("toolName must be a tool's name without"
                        + " whitespace, control characters, '/', '\\\\', '?', '#' or '%' (got \""
                        + checked.replaceAll("\\p{Cntrl}", "?") + "\")");
            }
        }
        if (checked.equals(".") || checked.equals("..")) {
            throw new ConfigurationException("toolName must not be \"" + checked + "\"");
        }
        return checked;
    }

    private static ApiRequest.Builder filtered(ApiRequest.Builder request, ToolFilter filter) {
        return request.query("name", filter.name().orElse(null)).queryAll("names", filter.names())
                .queryAll("tool_ids", filter.toolIds()).query("search", filter.search().orElse(null))
                .queryAll("tool_types", filter.toolTypes()).queryAll("exclude_tool_types", filter.excludeToolTypes());
    }

    private static Map<String, Object> body(ToolCreate create) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("source_code", create.sourceCode());
        create.sourceType().ifPresent(v -> body.put("source_type", v));
        create.description().ifPresent(v -> body.put("description", v));
        create.tags().ifPresent(v -> body.put("tags", v));
        create.jsonSchema().ifPresent(v -> body.put("json_schema", v));
        create.argsJsonSchema().ifPresent(v -> body.put("args_json_schema", v));
        create.returnCharLimit().ifPresent(v -> body.put("return_char_limit", v));
        create.defaultRequiresApproval().ifPresent(v -> body.put("default_requires_approval", v));
        create.enableParallelExecution().ifPresent(v -> body.put("enable_parallel_execution", v));
        return body;
    }

    private NotFoundException missing(String toolId, NotFoundException cause) {
        return new NotFoundException("tool " + toolId + " is not known to the Letta API at " + http.baseUrl(), cause);
    }
}

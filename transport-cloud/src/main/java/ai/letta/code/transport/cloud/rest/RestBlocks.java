package ai.letta.code.transport.cloud.rest;

import ai.letta.code.api.agent.BlockCreate;
import ai.letta.code.api.agent.BlockFilter;
import ai.letta.code.api.agent.BlockUpdate;
import ai.letta.code.api.agent.Blocks;
import ai.letta.code.api.agent.MemoryBlock;
import ai.letta.code.api.conversation.Page;
import ai.letta.code.api.conversation.PageRequest;
import ai.letta.code.api.exception.AgentNotFoundException;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.exception.NotFoundException;
import ai.letta.code.api.exception.ProtocolException;
import ai.letta.code.internal.Checks;
import ai.letta.code.transport.cloud.http.ApiRequest;
import ai.letta.code.transport.cloud.http.LettaHttp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Memory blocks over the Letta REST API: an agent's core memory by label
 * ({@code /v1/agents/{id}/core-memory/blocks[/{label}]}, cloud.md §2.7) and standalone blocks by id
 * ({@code /v1/blocks/…}). Ids and labels are checked before anything is sent ({@link Checks#requireId},
 * {@link MemoryBlock#requireLabel}). A nested label ({@code skills/java}) cannot be one path segment (the server
 * decodes {@code %2F} before routing), so such a block is found in the agent's list and read or changed by its id.
 * Caveat: for an agent with git-backed memory (tag {@code git-memory-enabled}) the harness's memory sync may
 * overwrite a block written here. Thread-safe.
 */
public final class RestBlocks implements Blocks {

    private final LettaHttp http;

    /** @param http the client to send with */
    public RestBlocks(LettaHttp http) {
        this.http = Checks.requireNonNull(http, "http");
    }

    @Override
    public List<MemoryBlock> list(String agentId) {
        String agent = Checks.requireId(agentId, "agentId", "agent");
        try {
            return blocks(http.call(ApiRequest.get("v1", "agents", agent, "core-memory", "blocks").build(),
                    ToolWire.Block[].class));
        } catch (NotFoundException e) {
            throw new AgentNotFoundException("agent " + agent + " is not known to the Letta API at "
                    + http.baseUrl(), e);
        }
    }

    @Override
    public MemoryBlock get(String agentId, String label) {
        String agent = Checks.requireId(agentId, "agentId", "agent");
        String checked = MemoryBlock.requireLabel(label, "label");
        if (nested(checked)) {
            return byLabel(agent, checked);
        }
        try {
            return block(http.call(ApiRequest.get("v1", "agents", agent, "core-memory", "blocks", checked).build(),
                    ToolWire.Block.class));
        } catch (NotFoundException e) {
            throw missing(agent, checked, e);
        }
    }

    @Override
    public MemoryBlock update(String agentId, String label, String value) {
        Checks.requireNonNull(value, "value");
        return update(agentId, label, BlockUpdate.value(value));
    }

    @Override
    public MemoryBlock update(String agentId, String label, BlockUpdate update) {
        String agent = Checks.requireId(agentId, "agentId", "agent");
        String checked = MemoryBlock.requireLabel(label, "label");
        Checks.requireNonNull(update, "update");
        if (nested(checked)) {
            String id = byLabel(agent, checked).id().orElseThrow(() -> new ProtocolException("block '" + checked
                    + "' of agent " + agent + " came without an id from the Letta API at " + http.baseUrl()));
            return update(id, update);
        }
        try {
            return block(http.call(ApiRequest.patch("v1", "agents", agent, "core-memory", "blocks", checked)
                    .body(body(update)).build(), ToolWire.Block.class));
        } catch (NotFoundException e) {
            throw missing(agent, checked, e);
        }
    }

    @Override
    public void attach(String agentId, String blockId) {
        attachment(agentId, blockId, "attach");
    }

    @Override
    public void detach(String agentId, String blockId) {
        attachment(agentId, blockId, "detach");
    }

    @Override
    public MemoryBlock create(BlockCreate create) {
        Checks.requireNonNull(create, "create");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("label", create.label());
        body.put("value", create.value());
        create.description().ifPresent(v -> body.put("description", v));
        create.limit().ifPresent(v -> body.put("limit", v));
        create.readOnly().ifPresent(v -> body.put("read_only", v));
        create.tags().ifPresent(v -> body.put("tags", v));
        create.metadata().ifPresent(v -> body.put("metadata", v));
        return block(http.call(ApiRequest.post("v1", "blocks").trailingSlash().body(body).build(),
                ToolWire.Block.class));
    }

    @Override
    public MemoryBlock get(String blockId) {
        String id = Checks.requireId(blockId, "blockId", "block");
        try {
            return block(http.call(ApiRequest.get("v1", "blocks", id).build(), ToolWire.Block.class));
        } catch (NotFoundException e) {
            throw missing(id, e);
        }
    }

    @Override
    public MemoryBlock update(String blockId, BlockUpdate update) {
        String id = Checks.requireId(blockId, "blockId", "block");
        Checks.requireNonNull(update, "update");
        try {
            return block(http.call(ApiRequest.patch("v1", "blocks", id).body(body(update)).build(),
                    ToolWire.Block.class));
        } catch (NotFoundException e) {
            throw missing(id, e);
        }
    }

    @Override
    public void delete(String blockId) {
        String id = Checks.requireId(blockId, "blockId", "block");
        try {
            http.send(ApiRequest.delete("v1", "blocks", id).build());
        } catch (NotFoundException e) {
            throw missing(id, e);
        }
    }

    @Override
    public Page<MemoryBlock> list(BlockFilter filter, PageRequest page) {
        Checks.requireNonNull(filter, "filter");
        Checks.requireNonNull(page, "page");
        ApiRequest.Builder request = counted(ApiRequest.get("v1", "blocks").trailingSlash(), filter)
                .query("label_search", filter.labelSearch().orElse(null))
                .query("description_search", filter.descriptionSearch().orElse(null))
                .query("value_search", filter.valueSearch().orElse(null));
        List<MemoryBlock> blocks = blocks(http.call(RestPages.query(request, page).build(), ToolWire.Block[].class));
        return RestPages.of(blocks, page, b -> b.id().orElse(null), next -> list(filter, next));
    }

    @Override
    public int count(BlockFilter filter) {
        Checks.requireNonNull(filter, "filter");
        String search = filter.labelSearch().isPresent() ? "labelSearch"
                : filter.descriptionSearch().isPresent() ? "descriptionSearch"
                : filter.valueSearch().isPresent() ? "valueSearch" : null;
        if (search != null) {
            throw new ConfigurationException("BlockFilter." + search + " cannot be counted: GET /v1/blocks/count "
                    + "takes label, name and tags only; list the blocks instead");
        }
        Integer count = http.call(counted(ApiRequest.get("v1", "blocks", "count"), filter).build(), Integer.class);
        return count == null ? 0 : count;
    }

    private static ApiRequest.Builder counted(ApiRequest.Builder request, BlockFilter filter) {
        request.query("label", filter.label().orElse(null)).query("name", filter.name().orElse(null))
                .queryAll("tags", filter.tags());
        if (!filter.tags().isEmpty()) {
            request.query("match_all_tags", filter.matchAllTags());
        }
        return request;
    }

    private void attachment(String agentId, String blockId, String verb) {
        String agent = Checks.requireId(agentId, "agentId", "agent");
        String block = Checks.requireId(blockId, "blockId", "block");
        try {
            http.send(ApiRequest.patch("v1", "agents", agent, "core-memory", "blocks", verb, block).build());
        } catch (NotFoundException e) {
            throw new NotFoundException("agent " + agent + " or block " + block + " is not known to the Letta API at "
                    + http.baseUrl() + " (" + verb + ")", e);
        }
    }

    /** A nested label's block, from the agent's list. */
    private MemoryBlock byLabel(String agent, String label) {
        return list(agent).stream().filter(b -> b.label().equals(label)).findFirst()
                .orElseThrow(() -> missing(agent, label, null));
    }

    private static boolean nested(String label) {
        return label.indexOf('/') >= 0;
    }

    private static Map<String, Object> body(BlockUpdate update) {
        Map<String, Object> body = new LinkedHashMap<>();
        update.value().ifPresent(v -> body.put("value", v));
        update.label().ifPresent(v -> body.put("label", v));
        update.description().ifPresent(v -> body.put("description", v));
        update.limit().ifPresent(v -> body.put("limit", v));
        update.readOnly().ifPresent(v -> body.put("read_only", v));
        update.tags().ifPresent(v -> body.put("tags", v));
        update.metadata().ifPresent(v -> body.put("metadata", v));
        return body;
    }

    /** Blocks of a list; one without a label (the schema allows it) cannot be a {@link MemoryBlock} and is left out. */
    private static List<MemoryBlock> blocks(ToolWire.Block[] answer) {
        return RestPages.items(answer).stream().filter(b -> b.label() != null && !b.label().isBlank())
                .map(ToolWire::block).filter(Objects::nonNull).toList();
    }

    private MemoryBlock block(ToolWire.Block block) {
        if (block == null || block.label() == null || block.label().isBlank()) {
            throw new ProtocolException("the Letta API at " + http.baseUrl() + " answered a block without a label ("
                    + (block == null ? "no body" : "id " + block.id()) + ")");
        }
        return ToolWire.block(block);
    }

    private NotFoundException missing(String agentId, String label, NotFoundException cause) {
        return new NotFoundException("agent " + agentId + " has no memory block '" + label + "' on the Letta API at "
                + http.baseUrl() + " (or the agent is unknown)", cause);
    }

    private NotFoundException missing(String blockId, NotFoundException cause) {
        return new NotFoundException("block " + blockId + " is not known to the Letta API at " + http.baseUrl(),
                cause);
    }
}

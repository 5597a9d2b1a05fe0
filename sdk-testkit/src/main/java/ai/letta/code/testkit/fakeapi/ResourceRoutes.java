package ai.letta.code.testkit.fakeapi;

import static ai.letta.code.testkit.fakeapi.AgentRoutes.deleted;
import static ai.letta.code.testkit.fakeapi.AgentRoutes.reply;
import static ai.letta.code.testkit.fakeapi.LettaStore.JSON;

import java.util.List;

import tools.jackson.databind.node.ObjectNode;

/**
 * The agent-independent resources: health, models, providers, tools and global blocks (offline-peers.md §5.2,
 * app-server-ws.md §4.3, cloud.md §2.6, §2.7). Archives and passages are {@link ArchiveRoutes}'.
 */
final class ResourceRoutes {

    /** The server version the fake reports; 0.19.5-era CLIs warn below 0.16.6. */
    static final String SERVER_VERSION = "0.16.6";

    private final LettaStore store;
    private final ArchiveStore archives;

    ResourceRoutes(LettaStore store, ArchiveStore archives) {
        this.store = store;
        this.archives = archives;
    }

    void register(Router router) {
        router.add("GET", "/v1/health", call -> call.ok(JSON.createObjectNode().put("status", "ok")
                        .put("version", SERVER_VERSION)))
                .add("GET", "/v1/models", call -> call.ok(store.models()))
                .add("GET", "/v1/models/embedding", call -> call.okList(List.of()))
                .add("GET", "/v1/providers", call -> call.okList(List.of()))
                .add("POST", "/v1/tools/add-base-tools", call -> call.okList(List.of()))
                .add("GET", "/v1/tools", call -> call.ok(call.page(archives.tools(), "asc", 50)))
                .add("POST", "/v1/tools", call -> call.ok(archives.createTool(call.body())))
                .add("GET", "/v1/tools/{tool_id}", call -> reply(call, "Tool", archives.tool(call.path("tool_id"))))
                .add("DELETE", "/v1/tools/{tool_id}", call -> deleted(call, "Tool",
                        archives.deleteTool(call.path("tool_id"))))
                .add("GET", "/v1/blocks", this::listBlocks)
                .add("POST", "/v1/blocks", call -> call.ok(store.createBlock(call.body())))
                .add("GET", "/v1/blocks/{block_id}", call -> reply(call, "Block", store.block(call.path("block_id"))))
                .add("PATCH", "/v1/blocks/{block_id}", call -> reply(call, "Block",
                        store.updateBlock(call.path("block_id"), call.body())))
                .add("DELETE", "/v1/blocks/{block_id}", call -> deleted(call, "Block",
                        store.deleteBlock(call.path("block_id"))));
    }

    private void listBlocks(ApiCall call) {
        List<ObjectNode> blocks = store.blocks().stream()
                .filter(b -> call.query("label").map(l -> l.equals(b.path("label").asString())).orElse(true))
                .toList();
        call.ok(call.page(blocks, "asc", 50));
    }
}

package ai.letta.code.testkit.fakeapi;

import static ai.letta.code.testkit.fakeapi.LettaStore.JSON;

import java.util.List;

/**
 * The agent-independent resources: health, models and providers (offline-peers.md §5.2, app-server-ws.md §4.3,
 * cloud.md §2.6, §2.7). Tools and standalone blocks are {@link ToolRoutes}' and {@link BlockRoutes}', archives
 * and passages {@link ArchiveRoutes}'.
 */
final class ResourceRoutes {

    /** The server version the fake reports; 0.19.5-era CLIs warn below 0.16.6. */
    static final String SERVER_VERSION = "0.16.6";

    private final LettaStore store;

    ResourceRoutes(LettaStore store) {
        this.store = store;
    }

    void register(Router router) {
        router.add("GET", "/v1/health", call -> call.ok(JSON.createObjectNode().put("status", "ok")
                        .put("version", SERVER_VERSION)))
                .add("GET", "/v1/models", call -> call.ok(store.models()))
                .add("GET", "/v1/models/embedding", call -> call.okList(List.of()))
                .add("GET", "/v1/providers", call -> call.okList(List.of()))
                .add("POST", "/v1/tools/add-base-tools", call -> call.okList(List.of()));
    }
}

package ai.letta.code.testkit.fakeapi;

import static ai.letta.code.testkit.fakeapi.LettaStore.JSON;

import java.util.List;
import tools.jackson.databind.node.ObjectNode;

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
                .add("GET", "/v1/models/embedding", call -> call.okList(List.of(embeddingModel())))
                .add("GET", "/v1/providers", call -> call.okList(List.of()))
                .add("POST", "/v1/tools/add-base-tools", call -> call.okList(List.of()));
    }

    /** The one embedding model the fake offers, as a Letta server with an OpenAI key lists it. */
    private static ObjectNode embeddingModel() {
        return JSON.createObjectNode().put("handle", "openai/text-embedding-3-small")
                .put("name", "text-embedding-3-small").put("display_name", "text-embedding-3-small")
                .put("provider_type", "openai").put("provider_name", "openai").put("model_type", "embedding")
                .put("embedding_endpoint_type", "openai")
                .put("embedding_model", "text-embedding-3-small").put("embedding_dim", 1536)
                .put("embedding_chunk_size", 300).put("batch_size", 1024);
    }
}

package ai.letta.code.testkit.fakeapi;

import static ai.letta.code.testkit.fakeapi.AgentRoutes.deleted;
import static ai.letta.code.testkit.fakeapi.AgentRoutes.reply;
import static ai.letta.code.testkit.fakeapi.LettaStore.JSON;

import java.util.List;

/**
 * The agent-independent resources: health, models, providers and archives with their passages; tools and
 * standalone blocks are {@link ToolRoutes} and {@link BlockRoutes} (offline-peers.md §5.2, app-server-ws.md §4.3,
 * cloud.md §2.6, §2.7).
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
                .add("GET", "/v1/archives", call -> call.ok(call.page(archives.archives(), "asc", 50)))
                .add("POST", "/v1/archives", call -> call.ok(archives.createArchive(call.body())))
                .add("GET", "/v1/archives/{archive_id}", call -> reply(call, "Archive",
                        archives.archive(call.path("archive_id"))))
                .add("PATCH", "/v1/archives/{archive_id}", call -> reply(call, "Archive",
                        archives.updateArchive(call.path("archive_id"), call.body())))
                .add("DELETE", "/v1/archives/{archive_id}", call -> deleted(call, "Archive",
                        archives.deleteArchive(call.path("archive_id"))))
                .add("GET", "/v1/archives/{archive_id}/passages", this::listPassages)
                .add("POST", "/v1/archives/{archive_id}/passages", this::addPassage)
                .add("DELETE", "/v1/archives/{archive_id}/passages/{passage_id}", call -> deleted(call, "Passage",
                        archives.deletePassage(call.path("passage_id"))));
    }

    private void listPassages(ApiCall call) {
        if (archives.archive(call.path("archive_id")).isEmpty()) {
            call.notFound("Archive " + call.path("archive_id"));
            return;
        }
        call.ok(call.page(archives.passages("archive_id", call.path("archive_id"),
                call.query("search").orElse(null)), "asc", 100));
    }

    private void addPassage(ApiCall call) {
        if (archives.archive(call.path("archive_id")).isEmpty()) {
            call.notFound("Archive " + call.path("archive_id"));
            return;
        }
        call.ok(archives.addPassage(call.path("archive_id"), null, call.body()));
    }
}

package ai.letta.code.transport.remote;

import static ai.letta.code.transport.remote.FakeAppServer.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.agent.BlockCreate;
import ai.letta.code.api.agent.BlockFilter;
import ai.letta.code.api.agent.BlockUpdate;
import ai.letta.code.api.agent.MemoryBlock;
import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.backend.RemoteOptions;
import ai.letta.code.api.conversation.PageRequest;
import ai.letta.code.api.exception.UnsupportedFeatureException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Memory blocks over the two shapes of agent the app server has (CLI 0.32.18): with memory files, listed by
 * {@code list_memory} in chunks of at most five entries, and without (API mode, memfs off), whose blocks are the
 * Letta agent's own.
 */
@Timeout(30)
class RemoteMemoryBlocksTest {

    private FakeAppServer server;
    private WebSocketTransport transport;

    @AfterEach
    void stop() {
        if (transport != null) {
            transport.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private WebSocketTransport connect() {
        transport = new WebSocketTransport(RemoteOptions.builder().url(server.wsUri())
                .requestTimeout(Duration.ofSeconds(2)).build());
        return transport;
    }

    @Test
    void blocksListedInSeveralChunksAreAllReturnedInOrder() {
        List<Map<String, Object>> files = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            files.add(Map.of("relative_path", "system/block" + i + ".md", "description", "d" + i,
                    "content", "value " + i));
        }
        files.add(2, Map.of("relative_path", "reference/notes.md", "content", "not a core block"));
        server = new FakeAppServer((command, channel) -> {
            if (command.path("type").asString().equals("list_memory")) {
                String id = command.path("request_id").asString();
                for (int from = 0; from < files.size(); from += 5) {
                    boolean done = from + 5 >= files.size();
                    send(channel, Map.of("type", "list_memory_response", "request_id", id, "success", true,
                            "memfs_enabled", true, "total", files.size(), "done", done,
                            "entries", files.subList(from, Math.min(files.size(), from + 5))));
                }
            } else {
                AppServerReplies.reply(command, channel);
            }
        });

        List<MemoryBlock> blocks = connect().blocks().list("agent-1");

        assertThat(blocks).extracting(MemoryBlock::label)
                .containsExactly("block1", "block2", "block3", "block4", "block5", "block6", "block7");
        assertThat(blocks.get(6).value()).isEqualTo("value 7");
        assertThat(blocks.get(6).description()).contains("d7");
    }

    @Test
    void anAgentWithoutMemoryFilesShowsItsLettaBlocksAndRefusesAnUpdateNamingWhy() {
        server = new FakeAppServer((command, channel) -> {
            String id = command.path("request_id").asString();
            switch (command.path("type").asString()) {
                case "list_memory" -> send(channel, Map.of("type", "list_memory_response", "request_id", id,
                        "success", true, "entries", List.of(), "done", true, "total", 0, "memfs_enabled", false));
                case "agent_retrieve" -> send(channel, Map.of("type", "agent_retrieve_response", "request_id", id,
                        "success", true, "agent", Map.of("id", "agent-1", "memory", Map.of("blocks", List.of(
                                Map.of("id", "block-9", "label", "persona", "value", "I am Patch.",
                                        "limit", 5000))))));
                default -> AppServerReplies.reply(command, channel);
            }
        });
        WebSocketTransport remote = connect();

        assertThat(remote.blocks().list("agent-1")).singleElement().satisfies(b -> {
            assertThat(b.label()).isEqualTo("persona");
            assertThat(b.value()).isEqualTo("I am Patch.");
            assertThat(b.id()).contains("block-9");
        });
        assertThat(remote.agents().get("agent-1").blocks()).extracting(MemoryBlock::label).containsExactly("persona");
        assertThatThrownBy(() -> remote.blocks().update("agent-1", "persona", "new"))
                .isInstanceOf(UnsupportedFeatureException.class)
                .hasMessageContaining("agent-1").hasMessageContaining("memory files");
        assertThat(server.received).noneMatch(c -> c.path("type").asString().equals("write_memory_file"));
    }

    @Test
    void aBlockUpdateWritesTheMemoryFileAndWhatAFileCannotHoldNamesTheCloudBackend() {
        Map<String, String[]> files = new java.util.concurrent.ConcurrentHashMap<>();
        files.put("system/persona.md", new String[] {"who I am", "I am Patch."});
        server = new FakeAppServer((command, channel) -> {
            String id = command.path("request_id").asString();
            switch (command.path("type").asString()) {
                case "list_memory" -> {
                    List<Map<String, Object>> entries = new ArrayList<>();
                    files.forEach((path, file) -> entries.add(Map.of("relative_path", path, "description", file[0],
                            "content", file[1])));
                    send(channel, Map.of("type", "list_memory_response", "request_id", id, "success", true,
                            "memfs_enabled", true, "total", entries.size(), "done", true, "entries", entries));
                }
                case "write_memory_file" -> {
                    String content = command.path("content").asString();
                    String[] parts = content.split("\n---\n", 2);
                    files.put(command.path("path").asString(), new String[] {
                            parts[0].replace("---\ndescription: ", ""), parts[1]});
                    send(channel, Map.of("type", "write_memory_file_response", "request_id", id, "success", true));
                }
                default -> AppServerReplies.reply(command, channel);
            }
        });
        WebSocketTransport remote = connect();

        MemoryBlock updated = remote.blocks().update("agent-1", "persona",
                BlockUpdate.builder().description("the agent's self").build());

        assertThat(updated.value()).isEqualTo("I am Patch.");
        assertThat(updated.description()).contains("the agent's self");
        assertThat(remote.blocks().update("agent-1", "persona", BlockUpdate.value("I am Bolt.")).description())
                .contains("the agent's self");
        assertThat(remote.blocks().get("agent-1", "persona").value()).isEqualTo("I am Bolt.");

        long writes = server.received.stream().filter(c -> c.path("type").asString().equals("write_memory_file"))
                .count();
        List<org.junit.jupiter.api.function.Executable> refused = List.of(
                () -> remote.blocks().update("agent-1", "persona", BlockUpdate.builder().limit(10).build()),
                () -> remote.blocks().create(BlockCreate.builder("team", "v").build()),
                () -> remote.blocks().get("block-1"), () -> remote.blocks().update("block-1", BlockUpdate.value("v")),
                () -> remote.blocks().delete("block-1"), () -> remote.blocks().attach("agent-1", "block-1"),
                () -> remote.blocks().detach("agent-1", "block-1"),
                () -> remote.blocks().list(BlockFilter.all(), PageRequest.first(5)),
                () -> remote.blocks().count(BlockFilter.all()));
        for (org.junit.jupiter.api.function.Executable call : refused) {
            assertThatThrownBy(call::execute).isInstanceOfSatisfying(UnsupportedFeatureException.class,
                    e -> assertThat(e.supportedBy()).contains(BackendKind.CLOUD));
        }
        assertThat(server.received.stream().filter(c -> c.path("type").asString().equals("write_memory_file"))
                .count()).isEqualTo(writes);
    }
}

package ai.letta.code.transport.remote;

import static ai.letta.code.transport.remote.FakeAppServer.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.agent.AgentFile;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.backend.RemoteOptions;
import ai.letta.code.api.exception.UnsupportedFeatureException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import tools.jackson.databind.JsonNode;

/**
 * The Letta-API-only create options on the app server: {@code context_window_limit} is passed through in the
 * {@code agent_create} body (both of the server's backends take it); the others, and export, import and the context
 * window, are refused naming the cloud backend before any command is sent.
 */
@Timeout(30)
class RemoteAgentOptionsTest {

    private final List<JsonNode> creates = new CopyOnWriteArrayList<>();
    private FakeAppServer server;
    private WebSocketTransport transport;

    @BeforeEach
    void start() {
        server = new FakeAppServer((command, channel) -> {
            if (command.path("type").asString().equals("agent_create")) {
                creates.add(command);
                send(channel, Map.of("type", "agent_create_response", "request_id",
                        command.path("request_id").asString(), "success", true, "agent", Map.of("id", "agent-new")));
            } else {
                AppServerReplies.reply(command, channel);
            }
        });
        transport = new WebSocketTransport(RemoteOptions.builder().url(server.wsUri())
                .requestTimeout(Duration.ofSeconds(2)).build());
    }

    @AfterEach
    void stop() {
        transport.close();
        server.close();
    }

    @Test
    void theContextWindowLimitIsPassedThrough() {
        String id = transport.agents().create(AgentOptions.builder().name("n").contextWindowLimit(16000).build());

        assertThat(id).isEqualTo("agent-new");
        assertThat(creates).singleElement().satisfies(c -> {
            assertThat(c.path("body").path("context_window_limit").asInt()).isEqualTo(16000);
            assertThat(c.path("body").path("name").asString()).isEqualTo("n");
        });
    }

    @Test
    void theOtherLettaApiOptionsAreRefusedBeforeAnyCommand() {
        Map<String, AgentOptions> refused = Map.of(
                "AgentOptions.blockIds", AgentOptions.builder().blockId("block-1").build(),
                "AgentOptions.tools", AgentOptions.builder().tool("web_search").build(),
                "AgentOptions.toolIds", AgentOptions.builder().toolId("tool-1").build(),
                "AgentOptions.metadata", AgentOptions.builder().metadata(Map.of("a", 1)).build(),
                "AgentOptions.enableSleeptime", AgentOptions.builder().enableSleeptime(true).build());
        refused.forEach((field, options) -> assertThatThrownBy(() -> transport.agents().create(options))
                .as(field).isInstanceOfSatisfying(UnsupportedFeatureException.class, e -> {
                    assertThat(e.feature()).isEqualTo("createAgent with " + field);
                    assertThat(e.supportedBy()).containsExactly(BackendKind.CLOUD);
                    assertThat(e).hasMessageContaining("remote backend");
                }));
        assertThat(creates).isEmpty();
    }

    @Test
    void agentFilesAndTheContextWindowNameTheCloudBackend() {
        for (Executable call : List.<Executable>of(() -> transport.agents().exportAgent("agent-1"),
                () -> transport.agents().importAgent(AgentFile.of("{\"agents\": []}")),
                () -> transport.agents().contextWindow("agent-1"))) {
            assertThatThrownBy(call::execute).isInstanceOfSatisfying(UnsupportedFeatureException.class,
                    e -> assertThat(e.supportedBy()).containsExactly(BackendKind.CLOUD));
        }
    }
}

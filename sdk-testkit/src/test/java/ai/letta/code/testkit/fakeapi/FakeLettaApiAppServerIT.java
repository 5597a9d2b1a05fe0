package ai.letta.code.testkit.fakeapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import ai.letta.code.testkit.peer.AppServerProcess;
import ai.letta.code.testkit.peer.NoLeftoverProcesses;
import ai.letta.code.testkit.peer.PeerBackend;
import ai.letta.code.testkit.script.TurnScript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The real App Server in API mode against {@link FakeLettaApi} (app-server-ws.md §4.3): boot, agent creation with
 * memory blocks, and a scripted turn with a {@code can_use_tool} round trip and a real tool run.
 */
@ExtendWith(NoLeftoverProcesses.class)
class FakeLettaApiAppServerIT {

    private static final Duration STARTUP = Duration.ofSeconds(30);
    private static final Duration REPLY = Duration.ofSeconds(15);

    @Test
    void appServerCreatesItsAgentInTheFakeAndRunsAScriptedToolTurnWithAnApproval() throws Exception {
        try (FakeLettaApi api = FakeLettaApi.start();
                AppServerProcess server = AppServerProcess.builder()
                        .backend(PeerBackend.api(api.baseUrl(), "test-key")).startupTimeout(STARTUP).start();
                AppServerSocket ws = AppServerSocket.open(server.wsUri())) {

            ws.send(Map.of("type", "runtime_start", "request_id", "rs-1", "create_agent", Map.of("body", Map.of(
                            "name", "api-proof", "system", "You are Patch.", "description", "proof agent",
                            "memory_blocks", List.of(Map.of("label", "persona", "value", "I am Patch.")))),
                    "create_conversation", Map.of(), "cwd", server.workDir().toString(), "mode", "standard"));
            JsonNode started = ws.awaitType("runtime_start_response", REPLY);
            assertThat(started.path("success").asBoolean()).as(started.toString()).isTrue();
            JsonNode runtime = started.path("runtime");
            assertThat(api.agent(runtime.path("agent_id").asString())).hasValueSatisfying(agent -> {
                assertThat(agent.path("name").asString()).isEqualTo("api-proof");
                assertThat(agent.path("system").asString()).isEqualTo("You are Patch.");
                assertThat(agent.path("memory").path("blocks").path(0).path("value").asString())
                        .isEqualTo("I am Patch.");
            });

            api.enqueue(TurnScript.builder().reasoning("I should run the shell tool.")
                    .toolCall("Bash", Map.of("command", "touch approved.txt && echo ok", "description", "write"))
                    .assistantFrom(r -> "tool said: " + r.toolResult().orElseThrow().firstLine()).build());
            ws.send(Map.of("type", "input", "request_id", "in-1", "runtime", runtime, "payload", Map.of(
                    "kind", "create_message", "messages", List.of(Map.of("role", "user",
                            "content", "please use a tool", "client_message_id", "cm-1")))));
            JsonNode permission = ws.awaitType("control_request", REPLY);
            assertThat(permission.path("request").path("subtype").asString()).isEqualTo("can_use_tool");
            assertThat(permission.path("request").path("tool_name").asString()).isEqualTo("Bash");
            ws.send(Map.of("type", "input", "request_id", "ap-1", "runtime", runtime, "payload", Map.of(
                    "kind", "approval_response", "request_id", permission.path("request_id").asString(),
                    "decision", Map.of("behavior", "allow"))));
            JsonNode finished = ws.awaitType("turn_finished", REPLY);

            assertThat(finished.path("stop_reason").asString()).isEqualTo("end_turn");
            assertThat(Files.exists(server.workDir().resolve("approved.txt"))).isTrue();
            assertThat(ws.seen()).anySatisfy(f -> assertThat(f.path("delta").path("content").toString())
                    .contains("tool said: ok"));
            assertThat(api.turns()).hasSize(2);
            assertThat(api.turns().get(1).toolResult()).hasValueSatisfying(r -> assertThat(r.content())
                    .isEqualTo("ok\n"));
        }
    }
}

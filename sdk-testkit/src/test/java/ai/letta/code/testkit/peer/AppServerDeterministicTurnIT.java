package ai.letta.code.testkit.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * A full App Server turn on the deterministic local backend over a raw websocket with no {@code Origin} header
 * (app-server-ws.md §2.4): info, runtime_start, input, the "pong" delta and turn_finished.
 */
@ExtendWith(NoLeftoverProcesses.class)
class AppServerDeterministicTurnIT {

    static final Duration STARTUP = Duration.ofSeconds(30);
    static final Duration REPLY = Duration.ofSeconds(15);

    @Test
    void deterministicTurnStreamsPongAndFinishesWithEndTurn() throws Exception {
        try (AppServerProcess server = AppServerProcess.builder().startupTimeout(STARTUP).start();
                WsTestClient ws = WsTestClient.open(server.wsUri(), null, REPLY)) {
            assertThat(server.wsUri()).isEqualTo(URI.create("ws://127.0.0.1:" + server.port() + "/ws"));
            assertThat(ProcessHandle.of(server.pid()).flatMap(ProcessHandle::parent))
                    .contains(ProcessHandle.current());

            ws.send(Map.of("type", "app_server_info", "request_id", "info-1"));
            JsonNode info = ws.await(JsonMatch.type("app_server_info_response"), REPLY);
            assertThat(info.path("success").asBoolean()).isTrue();
            assertThat(info.path("backend").asString()).isEqualTo("local");
            assertThat(info.path("protocol_version").asInt()).isEqualTo(1);
            assertThat(info.path("letta_code_version").asString()).isEqualTo(PeerInstall.locate().cliVersion());

            ws.send(Map.of("type", "runtime_start", "request_id", "rs-1",
                    "create_agent", Map.of("body", Map.of("name", "peer-proof")), "create_conversation", Map.of(),
                    "cwd", server.workDir().toString(), "mode", "standard", "wait_for_replay", true));
            JsonNode started = ws.await(JsonMatch.type("runtime_start_response"), REPLY);
            assertThat(started.path("success").asBoolean()).as(started.toString()).isTrue();
            JsonNode runtime = started.path("runtime");
            assertThat(runtime.path("agent_id").asString()).startsWith("agent-local-");

            ws.send(Map.of("type", "input", "request_id", "in-1", "runtime", runtime,
                    "payload", Map.of("kind", "create_message",
                            "messages", List.of(Map.of("role", "user", "content", "ping",
                                    "client_message_id", "cm-1")))));
            JsonNode accepted = ws.await(JsonMatch.type("input_accepted"), REPLY);
            assertThat(accepted.path("accepted").asBoolean()).isTrue();
            assertThat(accepted.path("disposition").asString()).isEqualTo("started");
            JsonNode pong = ws.await(JsonMatch.field("/delta/message_type", "assistant_message"), REPLY);
            assertThat(pong.path("delta").path("content").path(0).path("text").asString()).isEqualTo("pong");
            assertThat(pong.path("event_seq").isIntegralNumber()).isTrue();
            JsonNode finished = ws.await(JsonMatch.type("turn_finished"), REPLY);
            assertThat(finished.path("stop_reason").asString()).isEqualTo("end_turn");
            assertThat(finished.path("runtime")).isEqualTo(runtime);
        }
    }

    @Test
    void healthEndpointAnswersOnTheSamePort() throws Exception {
        try (AppServerProcess server = AppServerProcess.builder().startupTimeout(STARTUP).start()) {
            // HTTP/1.1: the JDK's default h2c upgrade headers make the server treat the request as a websocket
            // upgrade, and it answers 404.
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<String> health = http.send(
                    HttpRequest.newBuilder(server.httpUri().resolve("/healthz")).timeout(REPLY).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualToIgnoringWhitespace("ok");
            assertThat(server.token()).isEmpty();
        }
    }
}

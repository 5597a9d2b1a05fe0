package ai.letta.code.testkit.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** {@code --ws-auth capability-token}: the bearer token opens the socket; a wrong or missing one gets 401. */
@ExtendWith(NoLeftoverProcesses.class)
class AppServerCapabilityTokenIT {

    private static final Duration REPLY = Duration.ofSeconds(15);
    private static AppServerProcess server;

    @BeforeAll
    static void startServer() {
        server = AppServerProcess.builder().capabilityToken().startupTimeout(Duration.ofSeconds(30)).start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void rightTokenOpensTheSocket() throws Exception {
        String token = server.token().orElseThrow();
        assertThat(token).hasSize(64);
        assertThat(server.command()).contains("--ws-auth", "capability-token", "--ws-token-file")
                .doesNotContain(token);
        try (WsTestClient ws = WsTestClient.open(server.wsUri(), token, REPLY)) {
            ws.send(Map.of("type", "app_server_info", "request_id", "info-1"));
            JsonNode info = ws.await(JsonMatch.type("app_server_info_response"), REPLY);
            assertThat(info.path("success").asBoolean()).isTrue();
        }
    }

    @Test
    void wrongTokenIsRefusedWith401() {
        Throwable refused = catchThrowable(() -> WsTestClient.open(server.wsUri(), "not-the-token", REPLY));
        assertThat(handshakeStatus(refused)).isEqualTo(401);
    }

    @Test
    void missingTokenIsRefusedWith401() {
        Throwable refused = catchThrowable(() -> WsTestClient.open(server.wsUri(), null, REPLY));
        assertThat(handshakeStatus(refused)).isEqualTo(401);
    }

    private static int handshakeStatus(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof WebSocketHandshakeException handshake) {
                return handshake.getResponse().statusCode();
            }
        }
        throw new AssertionError("expected a refused websocket handshake, got " + thrown, thrown);
    }
}

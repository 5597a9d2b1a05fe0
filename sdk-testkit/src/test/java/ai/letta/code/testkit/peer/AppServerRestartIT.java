package ai.letta.code.testkit.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** {@link AppServerProcess#kill()} and {@link AppServerProcess#restart()}: same port, same HOME, state kept. */
@ExtendWith(NoLeftoverProcesses.class)
class AppServerRestartIT {

    static final Duration REPLY = Duration.ofSeconds(15);

    @Test
    void killThenRestartComesBackOnTheSamePortWithItsAgents() throws Exception {
        try (AppServerProcess server = AppServerProcess.builder().start()) {
            int port = server.port();
            long firstPid = server.pid();
            Path home = server.home();
            String agentId;
            try (WsTestClient ws = WsTestClient.open(server.wsUri(), null, REPLY)) {
                ws.send(Map.of("type", "agent_create", "request_id", "ac-1", "body", Map.of("name", "survivor")));
                agentId = ws.await(JsonMatch.type("agent_create_response"), REPLY).path("agent").path("id")
                        .asString();
            }

            assertThat(server.kill()).isEqualTo(137);
            assertThat(server.isAlive()).isFalse();
            assertThat(Files.isDirectory(home)).isTrue();

            assertThat(server.restart()).isSameAs(server);
            assertThat(server.port()).isEqualTo(port);
            assertThat(server.pid()).isNotEqualTo(firstPid);
            assertThat(server.home()).isEqualTo(home);
            assertThat(server.isAlive()).isTrue();
            try (WsTestClient ws = WsTestClient.open(server.wsUri(), null, REPLY)) {
                ws.send(Map.of("type", "agent_retrieve", "request_id", "ar-1", "agent_id", agentId));
                JsonNode agent = ws.await(JsonMatch.type("agent_retrieve_response"), REPLY);
                assertThat(agent.path("success").asBoolean()).as(agent.toString()).isTrue();
                assertThat(agent.path("agent").path("name").asString()).isEqualTo("survivor");
            }
        }
    }

    @Test
    void restartOfARunningServerStopsItGracefullyFirst() {
        try (AppServerProcess server = AppServerProcess.builder().start()) {
            int port = server.port();
            long firstPid = server.pid();

            server.restart();

            assertThat(ProcessHandle.of(firstPid).filter(ProcessHandle::isAlive)).isEmpty();
            assertThat(server.port()).isEqualTo(port);
            assertThat(server.isAlive()).isTrue();
            assertThat(server.stop()).isZero();
            assertThatThrownBy(server::restart).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("after stop()");
        }
    }
}

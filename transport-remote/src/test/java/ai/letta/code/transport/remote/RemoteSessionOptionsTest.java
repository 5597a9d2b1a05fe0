package ai.letta.code.transport.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.backend.RemoteOptions;
import ai.letta.code.api.exception.UnsupportedFeatureException;
import ai.letta.code.spi.SessionTarget;
import ai.letta.code.testkit.sink.RecordingSink;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Session options the app server cannot honour are refused before {@code runtime_start}, never dropped. */
@Timeout(30)
class RemoteSessionOptionsTest {
    private final FakeAppServer server = new FakeAppServer(AppServerReplies::reply);
    private final WebSocketTransport transport = new WebSocketTransport(RemoteOptions.builder().url(server.wsUri())
            .requestTimeout(Duration.ofSeconds(2)).build());

    @AfterEach
    void stop() {
        transport.close();
        server.close();
    }

    @Test
    void envIsRefusedBeforeTheRuntimeStarts() {
        SessionOptions options = SessionOptions.builder().env("PROJECT_TOKEN", "x").build();

        assertThatThrownBy(() -> transport.sessions().open(SessionTarget.resume("agent-1"), options,
                new RecordingSink())).isInstanceOfSatisfying(UnsupportedFeatureException.class, e -> {
                    assertThat(e.supportedBy()).containsExactly(BackendKind.LOCAL);
                    assertThat(e.getMessage()).contains("SessionOptions.env").contains("remote")
                            .doesNotContain("PROJECT_TOKEN");
                });
        assertThat(server.received).noneMatch(c -> c.path("type").asString().equals("runtime_start"));
    }
}

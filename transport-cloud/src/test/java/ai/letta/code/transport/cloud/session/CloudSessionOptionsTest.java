package ai.letta.code.transport.cloud.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.backend.CloudOptions;
import ai.letta.code.api.exception.UnsupportedFeatureException;
import ai.letta.code.core.spi.DiscardingSink;
import ai.letta.code.spi.SessionTarget;
import ai.letta.code.transport.cloud.CloudTransport;
import java.net.URI;
import org.junit.jupiter.api.Test;

class CloudSessionOptionsTest {

    @Test
    void envIsRefusedBeforeAnySandboxOrListenerIsLookedUp() {
        // Nothing listens on the discard port: a lookup would fail with a TransportException instead.
        try (CloudTransport transport = new CloudTransport(CloudOptions.builder("sk-let-test")
                .baseUrl(URI.create("http://127.0.0.1:9")).build())) {
            SessionOptions options = SessionOptions.builder().env("PROJECT_TOKEN", "x").build();

            assertThatThrownBy(() -> transport.sessions().open(SessionTarget.resume("agent-1"), options,
                    DiscardingSink.INSTANCE))
                    .isInstanceOfSatisfying(UnsupportedFeatureException.class, e -> {
                        assertThat(e.supportedBy()).containsExactly(BackendKind.LOCAL);
                        assertThat(e.getMessage())
                                .contains("SessionOptions.env").contains("cloud");
                    });
        }
    }
}

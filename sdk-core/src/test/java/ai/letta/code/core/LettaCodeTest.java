package ai.letta.code.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.backend.Backend;
import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.backend.ExecutionTarget;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.exception.SessionClosedException;
import ai.letta.code.api.exception.UnsupportedFeatureException;
import ai.letta.code.spi.Transport;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LettaCodeTest {

    @Test
    void missingTransportModuleNamesTheArtifactToAdd() {
        assertThatThrownBy(() -> LettaCode.create(Backend.local()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("ai.letta.code:letta-code-transport-local");
        assertThatThrownBy(() -> LettaCode.create(Backend.remote(URI.create("http://127.0.0.1:4500"), null)))
                .hasMessageContaining("letta-code-transport-remote");
        assertThatThrownBy(() -> LettaCode.create(Backend.cloud("sk-let-sentinel-4711")))
                .hasMessageContaining("letta-code-transport-cloud")
                .hasMessageNotContaining("sentinel-4711");
    }

    @Test
    void anExecutionTargetIsRefusedBeforeAnythingOpensOnABackendOtherThanCloud() {
        AtomicInteger portCalls = new AtomicInteger();
        Transport transport = (Transport) Proxy.newProxyInstance(Transport.class.getClassLoader(),
                new Class<?>[] {Transport.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "kind" -> BackendKind.REMOTE;
                    case "close", "toString" -> null;
                    default -> {
                        portCalls.incrementAndGet();
                        throw new UnsupportedOperationException(method.getName());
                    }
                });
        try (LettaCodeClient client = LettaCode.create(transport)) {
            SessionOptions options = SessionOptions.builder()
                    .executionTarget(ExecutionTarget.environment("laptop")).build();
            assertThatThrownBy(() -> client.createSession("agent-1", options))
                    .isInstanceOf(UnsupportedFeatureException.class)
                    .hasMessageContaining("SessionOptions.executionTarget").hasMessageContaining("cloud");
        }
        assertThat(portCalls).hasValue(0);
    }

    @Test
    void customTransportIsWiredAndClosedWithTheClient() {
        AtomicInteger closes = new AtomicInteger();
        Transport transport = (Transport) Proxy.newProxyInstance(Transport.class.getClassLoader(),
                new Class<?>[] {Transport.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "kind" -> BackendKind.REMOTE;
                    case "close" -> {
                        closes.incrementAndGet();
                        yield null;
                    }
                    case "toString" -> "stub";
                    default -> throw new UnsupportedOperationException(method.getName());
                });

        LettaCodeClient client = LettaCode.create(transport);
        assertThat(client.backend()).isEqualTo(BackendKind.REMOTE);
        client.close();
        client.close();

        assertThat(closes).hasValue(1);
        assertThatThrownBy(() -> client.createAgent(null)).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(client::agents).isInstanceOf(SessionClosedException.class)
                .hasMessageContaining("LettaCode.create");
    }
}

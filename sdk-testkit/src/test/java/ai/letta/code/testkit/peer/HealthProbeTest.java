package ai.letta.code.testkit.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.testkit.fault.ResourceBaseline;
import ai.letta.code.testkit.script.LoopbackHttpServer;
import ai.letta.code.testkit.script.RequestJournal;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HealthProbeTest {

    @Test
    void aProbeAnswersTheStatusAndLeavesNoSocketToAKeepAliveServer() throws Exception {
        // The server keeps connections alive unless asked not to: a pooling client would leave its socket open.
        try (LoopbackHttpServer server = LoopbackHttpServer.start("probe-test", new RequestJournal(),
                exchange -> exchange.respond(exchange.request().path().equals("/healthz") ? 200 : 404,
                        "text/plain", "ok"))) {
            HealthProbe.status("127.0.0.1", server.port(), "/healthz", Duration.ofSeconds(5));
            ResourceBaseline baseline = ResourceBaseline.take();
            assertThat(HealthProbe.status("127.0.0.1", server.port(), "/healthz", Duration.ofSeconds(5)))
                    .isEqualTo(200);
            assertThat(HealthProbe.status("127.0.0.1", server.port(), "/elsewhere", Duration.ofSeconds(5)))
                    .isEqualTo(404);
            baseline.assertRestored(Duration.ofMillis(500), "two probes");
        }
    }

    @Test
    void nothingListeningIsAnIOException() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        assertThatThrownBy(() -> HealthProbe.status("127.0.0.1", port, "/healthz", Duration.ofSeconds(2)))
                .isInstanceOf(IOException.class);
    }
}

package ai.letta.code.testkit.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.testkit.fault.ResourceBaseline;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HealthProbeTest {

    @Test
    void aProbeAnswersTheStatusAndLeavesNoSocketToAKeepAliveServer() throws Exception {
        // The JDK's server keeps connections alive: a pooling client would leave its socket open here.
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 5);
        server.createContext("/healthz", exchange -> {
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write("ok".getBytes());
            exchange.close();
        });
        server.start();
        try {
            HealthProbe.status("127.0.0.1", server.getAddress().getPort(), "/healthz", Duration.ofSeconds(5));
            ResourceBaseline baseline = ResourceBaseline.take();
            int status = HealthProbe.status("127.0.0.1", server.getAddress().getPort(), "/healthz",
                    Duration.ofSeconds(5));
            assertThat(status).isEqualTo(200);
            assertThat(HealthProbe.status("127.0.0.1", server.getAddress().getPort(), "/elsewhere",
                    Duration.ofSeconds(5))).isEqualTo(404);
            baseline.assertRestored(Duration.ofMillis(500), "two probes");
        } finally {
            server.stop(0);
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

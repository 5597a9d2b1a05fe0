package ai.letta.code.testkit.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The pinned Prism on the Letta API's document: it listens, validates requests, and leaves nothing behind. */
@ExtendWith(NoLeftoverProcesses.class)
class PrismMockIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path tmp;

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theMockAnswersTheDocumentAndRefusesWhatBreaksIt() throws Exception {
        Path spec = PrismMock.requireLettaSpec();
        ProcessHandle handle;
        try (PrismMock prism = PrismMock.mock(spec).start()) {
            handle = ProcessHandle.of(prism.pid()).orElseThrow();
            assertThat(prism.baseUrl().getHost()).isEqualTo("127.0.0.1");
            assertThat(prism.port()).isPositive();
            assertThat(prism.command()).contains("mock", spec.toString(), "--errors=false");

            HttpResponse<String> models = send(HttpRequest.newBuilder(prism.baseUrl().resolve("/v1/models/"))
                    .header("Authorization", "Bearer sk-test"));
            assertThat(models.statusCode()).isEqualTo(200);
            assertThat(models.body()).startsWith("[").contains("\"handle\"");

            HttpResponse<String> noKey = send(HttpRequest.newBuilder(prism.baseUrl().resolve("/v1/models/")));
            assertThat(noKey.statusCode()).isEqualTo(401);

            HttpResponse<String> badName = send(HttpRequest.newBuilder(prism.baseUrl().resolve("/v1/agents/"))
                    .header("Authorization", "Bearer sk-test").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": 5}")));
            assertThat(badName.statusCode()).isEqualTo(422);
            assertThat(badName.headers().firstValue("sl-violations")).hasValueSatisfying(v -> assertThat(v)
                    .contains("\"body\",\"name\"").contains("must be string"));
            prism.sync();
            assertThat(prism.violations()).hasSize(2);
            assertThat(prism.violations()).anySatisfy(v -> assertThat(v).startsWith("Request terminated with error")
                    .contains("UNAUTHORIZED"));
            assertThat(prism.violations()).anySatisfy(v -> assertThat(v).startsWith("Violation: request.body.name"));
        }
        assertThat(handle.isAlive()).isFalse();
    }

    @Test
    void aDocumentPrismCannotReadFailsTheStartQuotingItsOutput() throws IOException {
        Path broken = Files.writeString(tmp.resolve("broken.json"), "{\"openapi\": \"3.1.0\", \"paths\": 7");

        assertThatThrownBy(() -> PrismMock.mock(broken).startupTimeout(Duration.ofSeconds(30)).start())
                .isInstanceOf(PeerProcessException.class).hasMessageContaining("Prism ended before listening")
                .hasMessageContaining("broken.json");
    }

    @Test
    void aProxyForwardsToItsUpstream() throws Exception {
        Path spec = PrismMock.requireLettaSpec();
        try (PrismMock prism = PrismMock.proxy(spec, URI.create("http://127.0.0.1:9")).start()) {
            assertThat(prism.command()).contains("proxy", "http://127.0.0.1:9");

            HttpResponse<String> down = send(HttpRequest.newBuilder(prism.baseUrl().resolve("/v1/models/"))
                    .header("Authorization", "Bearer sk-test"));
            assertThat(down.statusCode()).isGreaterThanOrEqualTo(500);
        }
    }
}

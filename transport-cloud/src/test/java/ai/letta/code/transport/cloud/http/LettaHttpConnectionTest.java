package ai.letta.code.transport.cloud.http;

import static ai.letta.code.transport.cloud.http.ScriptedApiServer.Reply.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.exception.FrameTooLongException;
import ai.letta.code.api.exception.OperationTimeoutException;
import ai.letta.code.api.exception.SessionClosedException;
import ai.letta.code.api.exception.TransportException;
import ai.letta.code.api.backend.Secret;
import ai.letta.code.testkit.contract.TurnChecks;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LettaHttpConnectionTest {

    /** The reply body's wire record. */
    record Named(String id, String name) {
    }

    private final ScriptedApiServer server = ScriptedApiServer.start();
    private final TestClients clients = new TestClients();
    private LettaHttp http;

    @AfterEach
    void close() {
        if (http != null) {
            http.close();
        }
        server.close();
    }

    @Test
    void everyRequestCarriesBearerKeySourceTagAndExtraHeaders() {
        server.then(json(200, "{\"id\":\"agent-1\",\"name\":\"n\",\"extra\":1}"));
        http = clients.client(server.baseUrl(), RetryPolicy.none());

        Named named = http.call(ApiRequest.post("v1", "agents").body(Map.of("name", "n")).build(), Named.class);

        assertThat(named).isEqualTo(new Named("agent-1", "n"));
        ScriptedApiServer.Received request = server.received().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.uri()).isEqualTo("/v1/agents");
        assertThat(request.headers()).containsEntry("authorization", "Bearer " + TestClients.SENTINEL_KEY)
                .containsEntry("x-letta-source", "letta-code-java").containsEntry("x-project", "demo")
                .containsEntry("content-type", "application/json").containsEntry("accept-encoding", "gzip");
        assertThat(request.body()).isEqualTo("{\"name\":\"n\"}");
    }

    @Test
    void pathSegmentsAndQueryValuesAreEncodedAndTheBasePathKept() {
        server.then(json(200, "{}"));
        http = clients.client(URI.create(server.baseUrl() + "/api/"), RetryPolicy.none());

        http.send(ApiRequest.get("v1", "agents", "a b/c?d", "core-memory").query("q", "x&y=z").trailingSlash()
                .build());

        assertThat(server.received().get(0).uri()).isEqualTo("/api/v1/agents/a%20b%2Fc%3Fd/core-memory/?q=x%26y%3Dz");
    }

    @Test
    void dotSegmentsAreRefusedBeforeSending() {
        assertThatThrownBy(() -> ApiRequest.get("v1", "agents", "..").build())
                .isInstanceOf(ConfigurationException.class);
    }

    @Test
    void gzipAnswersAreDecompressed() {
        server.then(json(200, "{\"id\":\"agent-gz\",\"name\":\"zipped\"}").gzipped());
        http = clients.client(server.baseUrl(), RetryPolicy.none());

        assertThat(http.call(ApiRequest.get("v1", "agents", "agent-gz").build(), Named.class).name())
                .isEqualTo("zipped");
    }

    @Test
    void anAnswerAboveTheCapIsFrameTooLong() {
        server.then(json(200, "{\"name\":\"" + "x".repeat(8_000) + "\"}"));
        http = clients.client(TestClients.settings(server.baseUrl(), Duration.ofSeconds(5)), RetryPolicy.defaults(),
                4_096);

        assertThatThrownBy(() -> http.send(ApiRequest.get("v1", "agents").build()))
                .isInstanceOf(FrameTooLongException.class).hasMessageContaining("4096");
        assertThat(server.count()).isEqualTo(1);
    }

    @Test
    void aSilentServerTimesOutWithinTheRequestTimeout() {
        server.then(ScriptedApiServer.Reply.silence());
        http = clients.client(TestClients.settings(server.baseUrl(), Duration.ofMillis(300)), RetryPolicy.defaults(),
                LettaHttp.DEFAULT_MAX_RESPONSE_BYTES);

        long started = System.nanoTime();
        assertThatThrownBy(() -> http.send(ApiRequest.get("v1", "agents").build()))
                .isInstanceOf(OperationTimeoutException.class).hasMessageContaining("GET /v1/agents")
                .hasMessageContaining("300 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(server.count()).isEqualTo(1);
    }

    @Test
    void aRefusedPortIsATransportException() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        http = clients.client(URI.create("http://127.0.0.1:" + port), RetryPolicy.none());

        assertThatThrownBy(() -> http.send(ApiRequest.get("v1", "agents").build()))
                .isExactlyInstanceOf(TransportException.class).hasMessageContaining("could not reach")
                .hasMessageContaining("127.0.0.1:" + port).hasMessageNotContaining(TestClients.SENTINEL_KEY);
    }

    @Test
    void closeStopsTheEventLoopThreadAndLaterCallsFail() throws Exception {
        server.then(json(200, "{}"));
        long before = lettaThreads();
        LettaHttp client = new LettaHttp(TestClients.settings(server.baseUrl(), Duration.ofSeconds(5)));
        client.send(ApiRequest.get("v1", "health").build());
        assertThat(lettaThreads()).isEqualTo(before + 1);

        client.close();
        client.close();

        // The event loop has terminated; its thread ends a moment later.
        TurnChecks.awaitCondition("the client's thread to end", () -> lettaThreads() == before,
                Duration.ofSeconds(2));
        assertThatThrownBy(() -> client.send(ApiRequest.get("v1", "health").build()))
                .isInstanceOf(SessionClosedException.class);
    }

    @Test
    void settingsRefuseHeadersTheClientOwnsAndNeverShowTheKey() {
        HttpSettings settings = new HttpSettings(server.baseUrl(), Secret.of(TestClients.SENTINEL_KEY, "key"),
                Map.of("Authorization", "Bearer other"), Duration.ofSeconds(1), Duration.ofSeconds(1));

        assertThat(settings.toString()).doesNotContain(TestClients.SENTINEL_KEY);
        assertThatThrownBy(() -> new LettaHttp(settings)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Authorization");
        assertThat(lettaThreads()).isZero();
    }

    private static long lettaThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("letta-")).count();
    }
}

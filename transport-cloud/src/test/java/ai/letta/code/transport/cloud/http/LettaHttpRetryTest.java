package ai.letta.code.transport.cloud.http;

import static ai.letta.code.transport.cloud.http.ScriptedApiServer.Reply.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.exception.ConflictException;
import ai.letta.code.api.exception.NotFoundException;
import ai.letta.code.api.exception.RateLimitException;
import ai.letta.code.api.exception.TransportException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LettaHttpRetryTest {

    private static final String OK = "{\"id\":\"agent-1\"}";

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

    private LettaHttp http(RetryPolicy policy) {
        http = clients.client(server.baseUrl(), policy);
        return http;
    }

    private static ApiRequest get() {
        return ApiRequest.get("v1", "agents", "agent-1").build();
    }

    private static ApiRequest createAgent() {
        return ApiRequest.post("v1", "agents").body(Map.of("name", "x")).build();
    }

    @Test
    void getIsRetriedOn500And502ThenSucceedsWithDoublingBackoff() {
        server.then(json(500, "{\"detail\":\"boom\"}"), json(502, "bad gateway"), json(200, OK));

        http(RetryPolicy.defaults()).send(get());

        assertThat(server.count()).isEqualTo(3);
        assertThat(clients.sleeps).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
    }

    @Test
    void getGivesUpAfterMaxRetriesWithTheLastStatus() {
        server.then(json(500, "{\"detail\":\"still down\"}"));

        assertThatThrownBy(() -> http(RetryPolicy.defaults()).send(get())).isInstanceOf(TransportException.class)
                .satisfies(e -> assertThat(((TransportException) e).exitCode()).hasValue(500));
        assertThat(server.count()).isEqualTo(3);
    }

    @Test
    void nonIdempotentPostIsNeverRetried() {
        server.then(json(503, "{\"errorCode\":\"cloud_api_shutting_down\",\"message\":\"deploying\"}")
                .header("Retry-After", "1").header("x-should-retry", "true"));

        assertThatThrownBy(() -> http(RetryPolicy.defaults()).send(createAgent()))
                .isInstanceOf(TransportException.class);
        assertThat(server.count()).isEqualTo(1);
        assertThat(clients.sleeps).isEmpty();
    }

    @Test
    void postMarkedIdempotentIsRetried() {
        server.then(json(500, "{}"), json(200, "{\"success\":true}"));

        http(RetryPolicy.defaults()).send(ApiRequest.post("v1", "sandboxes", "sb-1", "refresh")
                .body(Map.of("ttlMinutes", 5)).idempotent().build());

        assertThat(server.count()).isEqualTo(2);
    }

    @Test
    void patchPutStyleAndDeleteAreRetried() {
        server.then(json(500, "{}"), json(200, "{}"), json(500, "{}"), json(200, "{}"));

        http(RetryPolicy.defaults()).send(ApiRequest.patch("v1", "agents", "agent-1").body(Map.of()).build());
        http.send(ApiRequest.delete("v1", "agents", "agent-1").build());

        assertThat(server.count()).isEqualTo(4);
    }

    @Test
    void shuttingDown503IsRetriedUntilTheCloudIsBack() {
        server.then(json(503, "{\"errorCode\":\"cloud_api_shutting_down\",\"admitted\":false,\"retryable\":true}"),
                json(200, OK));

        http(RetryPolicy.defaults()).send(get());

        assertThat(server.count()).isEqualTo(2);
    }

    @Test
    void status408IsRetried() {
        server.then(json(408, "{\"detail\":\"request timeout\"}"), json(200, OK));

        http(RetryPolicy.defaults()).send(get());

        assertThat(server.count()).isEqualTo(2);
    }

    @Test
    void rateLimitWaitsRetryAfterSecondsAndEndsAsRateLimitException() {
        server.then(json(429, "{\"error\":{\"type\":\"llm_rate_limit\",\"message\":\"slow down\"}}")
                .header("Retry-After", "3"));

        assertThatThrownBy(() -> http(RetryPolicy.defaults()).send(get())).isInstanceOf(RateLimitException.class)
                .satisfies(e -> assertThat(((RateLimitException) e).retryAfter()).hasValue(Duration.ofSeconds(3)));
        assertThat(server.count()).isEqualTo(3);
        assertThat(clients.sleeps).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(3));
    }

    @Test
    void rateLimitWaitsUntilARetryAfterHttpDate() {
        String inFiveSeconds = DateTimeFormatter.RFC_1123_DATE_TIME
                .format(clients.clock.instant().plusSeconds(5).atZone(java.time.ZoneOffset.UTC));
        server.then(json(429, "{\"detail\":\"limited\"}").header("Retry-After", inFiveSeconds), json(200, OK));

        http(RetryPolicy.defaults()).send(get());

        assertThat(server.count()).isEqualTo(2);
        assertThat(clients.sleeps).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void retryAfterMsWinsOverRetryAfter() {
        server.then(json(429, "{}").header("retry-after-ms", "1500").header("Retry-After", "9"), json(200, OK));

        http(RetryPolicy.defaults()).send(get());

        assertThat(clients.sleeps).containsExactly(Duration.ofMillis(1500));
    }

    @Test
    void aShorterRetryAfterDoesNotLowerTheBackoff() {
        server.then(json(503, "{}").header("Retry-After", "0"), json(200, OK));

        http(RetryPolicy.defaults()).send(get());

        assertThat(clients.sleeps).containsExactly(Duration.ofMillis(500));
    }

    @Test
    void backoffIsCappedAtEightSeconds() {
        server.then(json(500, "{}"));

        assertThatThrownBy(() -> http(new RetryPolicy(6, Duration.ofMillis(500), Duration.ofSeconds(8),
                Duration.ofMinutes(5))).send(get())).isInstanceOf(TransportException.class);

        assertThat(server.count()).isEqualTo(7);
        assertThat(clients.sleeps).extracting(Duration::toMillis)
                .containsExactly(500L, 1000L, 2000L, 4000L, 8000L, 8000L);
    }

    @Test
    void jitterTakesOffAtMostAQuarter() {
        clients.jitter = 0.999;
        server.then(json(500, "{}"), json(200, OK));

        http(RetryPolicy.defaults()).send(get());

        assertThat(clients.sleeps.get(0).toMillis()).isBetween(375L, 376L);
    }

    @Test
    void noRetryWhoseWaitEndsPastTheOverallBound() {
        server.then(json(429, "{\"detail\":\"limited\"}").header("Retry-After", "30"));

        assertThatThrownBy(() -> http(new RetryPolicy(2, Duration.ofMillis(500), Duration.ofSeconds(8),
                Duration.ofSeconds(10))).send(get())).isInstanceOf(RateLimitException.class);

        assertThat(server.count()).isEqualTo(1);
        assertThat(clients.sleeps).isEmpty();
    }

    @Test
    void xShouldRetryFalseStopsARetry() {
        server.then(json(500, "{}").header("x-should-retry", "false"), json(200, OK));

        assertThatThrownBy(() -> http(RetryPolicy.defaults()).send(get())).isInstanceOf(TransportException.class);
        assertThat(server.count()).isEqualTo(1);
    }

    @Test
    void xShouldRetryTrueRetriesAConflictOfAnIdempotentCall() {
        server.then(json(409, "{\"detail\":\"database locked, retry shortly\"}").header("x-should-retry", "true"),
                json(200, OK));

        http(RetryPolicy.defaults()).send(get());

        assertThat(server.count()).isEqualTo(2);
    }

    @Test
    void clientErrorsAreNotRetried() {
        server.then(json(409, "{\"detail\":\"busy\"}"), json(404, "{\"detail\":\"nope\"}"));

        assertThatThrownBy(() -> http(RetryPolicy.defaults()).send(get())).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> http.send(get())).isInstanceOf(NotFoundException.class);
        assertThat(server.count()).isEqualTo(2);
    }

    @Test
    void connectionErrorsAreRetriedForGetOnlyNotForCreate() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        http = clients.client(URI.create("http://127.0.0.1:" + port), RetryPolicy.defaults());

        assertThatThrownBy(() -> http.send(get())).isInstanceOf(TransportException.class);
        assertThat(clients.sleeps).hasSize(2);

        clients.sleeps.clear();
        assertThatThrownBy(() -> http.send(createAgent())).isInstanceOf(TransportException.class);
        assertThat(clients.sleeps).isEmpty();
    }

    @Test
    void zeroRetriesMeansOneAttempt() {
        server.then(json(500, "{}"));

        assertThatThrownBy(() -> http(RetryPolicy.none()).send(get())).isInstanceOf(TransportException.class);
        assertThat(server.count()).isEqualTo(1);
    }
}

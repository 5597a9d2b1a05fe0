package ai.letta.code.transport.cloud.http;

import static ai.letta.code.transport.cloud.http.ScriptedApiServer.Reply.json;
import static ai.letta.code.transport.cloud.http.TestClients.SENTINEL_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.letta.code.api.exception.AuthenticationException;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.exception.ConflictException;
import ai.letta.code.api.exception.InvalidRequestException;
import ai.letta.code.api.exception.NotFoundException;
import ai.letta.code.api.exception.PendingApprovalException;
import ai.letta.code.api.exception.RateLimitException;
import ai.letta.code.api.exception.TransportException;
import ai.letta.code.testkit.secrets.LogCapture;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class LettaHttpErrorsTest {

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

    /** Sends a non-idempotent POST (never retried) and returns what it threw. */
    private Throwable failure(ScriptedApiServer.Reply reply) {
        server.then(reply);
        http = clients.client(server.baseUrl(), RetryPolicy.defaults());
        return catchThrowable(() -> http.send(ApiRequest.post("v1", "agents").body(Map.of()).build()));
    }

    static Stream<Arguments> statuses() {
        return Stream.of(
                Arguments.of(401, "{\"detail\":\"Invalid API key\"}", AuthenticationException.class, "Invalid API key"),
                Arguments.of(401, "{\"error\":{\"type\":\"auth_error\",\"message\":\"bad key\",\"detail\":\"x\"}}",
                        AuthenticationException.class, "bad key"),
                Arguments.of(403, "{\"errorCode\":\"forbidden\",\"message\":\"not your project\"}",
                        AuthenticationException.class, "not your project"),
                Arguments.of(404, "{\"detail\":\"Agent agent-9 not found\"}", NotFoundException.class,
                        "Agent agent-9 not found"),
                Arguments.of(404, "{\"errorCode\":\"environment_not_found\",\"message\":\"Environment not found\"}",
                        NotFoundException.class, "Environment not found"),
                Arguments.of(409, "{\"detail\":\"Conversation is busy\",\"run_id\":\"run-1\"}",
                        ConflictException.class, "Conversation is busy"),
                Arguments.of(409, "{\"detail\":{\"code\":\"PENDING_APPROVAL\",\"message\":\"waiting for approval\","
                        + "\"pending_request_id\":\"req-1\"}}", PendingApprovalException.class, "waiting for approval"),
                Arguments.of(409, "{\"error\":{\"type\":\"conflict\",\"message\":\"has a pending approval\"}}",
                        PendingApprovalException.class, "pending approval"),
                Arguments.of(429, "{\"error\":{\"type\":\"llm_rate_limit\",\"message\":\"slow down\"}}",
                        RateLimitException.class, "slow down"),
                Arguments.of(500, "{\"detail\":\"Internal error\"}", TransportException.class, "Internal error"),
                Arguments.of(502, "<html>Bad Gateway</html>", TransportException.class, "Bad Gateway"),
                Arguments.of(503, "{\"errorCode\":\"cloud_api_shutting_down\",\"message\":\"deploying\","
                        + "\"admitted\":false,\"retryable\":true}", TransportException.class, "cloud_api_shutting_down"),
                Arguments.of(422, "{\"detail\":[{\"loc\":[\"body\",\"name\"],\"msg\":\"field required\","
                        + "\"type\":\"missing\"}]}", InvalidRequestException.class, "body.name: field required"),
                Arguments.of(422, "{\"detail\":\"Invalid tool schema\"}", InvalidRequestException.class,
                        "Invalid tool schema"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("statuses")
    void eachStatusAndBodyShapeBecomesItsTypedException(int status, String body, Class<?> type, String said) {
        Throwable thrown = failure(json(status, body));

        assertThat(thrown).isExactlyInstanceOf(type).hasMessageContaining("POST /v1/agents")
                .hasMessageContaining("HTTP " + status).hasMessageContaining(said)
                .hasMessageContaining(server.baseUrl().toString());
        assertThat(thrown.getMessage()).doesNotContain(SENTINEL_KEY);
        assertThat(server.count()).isEqualTo(1);
    }

    @Test
    void authenticationFailureNamesTheKeySettingAndTheBaseUrlNotTheKey() {
        Throwable thrown = failure(json(401, "{\"detail\":\"Invalid API key " + SENTINEL_KEY + "\"}"));

        assertThat(thrown).isInstanceOf(AuthenticationException.class).hasMessageContaining("LETTA_API_KEY")
                .hasMessageContaining("CloudOptions.apiKey").hasMessageContaining(server.baseUrl().toString());
        assertThat(thrown.getMessage()).doesNotContain(SENTINEL_KEY);
        assertThat(thrown.toString()).doesNotContain(SENTINEL_KEY);
    }

    @Test
    void serverErrorCarriesStatusAndBodyTailWithoutTheKey() {
        Throwable thrown = failure(json(500, "{\"detail\":\"crashed with Bearer " + SENTINEL_KEY + "\"}"));

        TransportException transport = (TransportException) thrown;
        assertThat(transport.exitCode()).hasValue(500);
        assertThat(transport.diagnosticTail()).hasValueSatisfying(tail -> assertThat(tail).contains("crashed")
                .doesNotContain(SENTINEL_KEY));
        assertThat(transport.toString()).doesNotContain(SENTINEL_KEY);
    }

    /** Issue 12: the key a server echoes reaches no log record (any level), exception chain or stack trace. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {400, 401, 404, 409, 429, 500, 503})
    void anEchoedKeyReachesNoLogAndNoExceptionChain(int status) {
        try (LogCapture logs = LogCapture.start()) {
            Throwable thrown = failure(json(status, "{\"detail\":\"bad request with key " + SENTINEL_KEY
                    + " and Authorization: Bearer " + SENTINEL_KEY + "\"}"));

            java.io.StringWriter trace = new java.io.StringWriter();
            thrown.printStackTrace(new java.io.PrintWriter(trace));
            assertThat(trace.toString()).doesNotContain(SENTINEL_KEY);
            if (thrown instanceof TransportException transport) {
                assertThat(transport.diagnosticTail().orElse("")).doesNotContain(SENTINEL_KEY);
            }
            assertThat(logs.text()).doesNotContain(SENTINEL_KEY);
        }
    }

    @Test
    void aValidationErrorNamesEachFieldOnceWithTheServersMessage() {
        Throwable thrown = failure(json(422, "{\"detail\":[{\"loc\":[\"body\",\"name\"],\"msg\":\"field required\","
                + "\"type\":\"missing\"},{\"loc\":[\"body\",\"memory_blocks\",0,\"label\"],\"msg\":\"too long\","
                + "\"type\":\"string_too_long\"},{\"loc\":[\"body\",\"name\"],\"msg\":\"not " + SENTINEL_KEY
                + "\",\"type\":\"value_error\"}]}"));

        assertThat(thrown).isInstanceOf(ConfigurationException.class);
        InvalidRequestException invalid = (InvalidRequestException) thrown;
        assertThat(invalid.fields()).containsExactly("body.name", "body.memory_blocks.0.label");
        assertThat(invalid).hasMessageContaining("body.name: field required")
                .hasMessageContaining("body.memory_blocks.0.label: too long")
                .hasMessageContaining("refused the fields body.name, body.memory_blocks.0.label");
        assertThat(invalid.getMessage()).doesNotContain(SENTINEL_KEY);
        assertThat(server.count()).isEqualTo(1);
    }

    @Test
    void aValidationErrorOfAnIdempotentCallIsNotRetried() {
        server.then(json(422, "{\"detail\":[{\"loc\":[\"query\",\"limit\"],\"msg\":\"must be <= 1000\"}]}"));
        http = clients.client(server.baseUrl(), RetryPolicy.defaults());

        Throwable thrown = catchThrowable(() -> http.send(ApiRequest.get("v1", "agents").query("limit", "5000")
                .build()));

        assertThat(thrown).isInstanceOf(InvalidRequestException.class).hasMessageContaining("GET /v1/agents")
                .hasMessageContaining("the field query.limit");
        assertThat(((InvalidRequestException) thrown).fields()).containsExactly("query.limit");
        assertThat(server.count()).isEqualTo(1);
        assertThat(clients.sleeps).isEmpty();
    }

    @Test
    void rateLimitCarriesRetryAfterSeconds() {
        Throwable thrown = failure(json(429, "{\"detail\":\"limited\"}").header("Retry-After", "7"));

        assertThat(((RateLimitException) thrown).retryAfter()).hasValue(Duration.ofSeconds(7));
    }

    @Test
    void aHugeServerMessageIsCut() {
        Throwable thrown = failure(json(400, "{\"detail\":\"" + "x".repeat(20_000) + "\"}"));

        assertThat(thrown.getMessage().length()).isLessThan(1_000);
        assertThat(((TransportException) thrown).diagnosticTail().orElseThrow().length()).isLessThan(600);
    }

    @Test
    void messagesHideUrlUserInfoAndTokenQueryValues() {
        server.then(json(404, "{\"detail\":\"see https://bob:hunter2@example.com/x?token=abc123\"}"));
        URI withUser = URI.create("http://bob:hunter2@127.0.0.1:" + server.port());
        http = clients.client(withUser, RetryPolicy.none());

        Throwable thrown = catchThrowable(() -> http.send(ApiRequest.get("v1", "environments", "dev-1", "status")
                .query("token", SENTINEL_KEY).build()));

        assertThat(thrown).isInstanceOf(NotFoundException.class).hasMessageContaining("token=****");
        assertThat(thrown.getMessage()).doesNotContain("hunter2").doesNotContain("abc123")
                .doesNotContain(SENTINEL_KEY);
    }
}

package ai.letta.code.transport.cloud.http;

import static ai.letta.code.transport.cloud.http.ScriptedApiServer.Reply.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.api.agent.AgentInfo;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.backend.CloudOptions;
import ai.letta.code.api.exception.AgentNotFoundException;
import ai.letta.code.api.exception.AuthenticationException;
import ai.letta.code.api.exception.ConflictException;
import ai.letta.code.api.exception.InvalidRequestException;
import ai.letta.code.api.exception.NotFoundException;
import ai.letta.code.api.exception.OperationTimeoutException;
import ai.letta.code.api.exception.RateLimitException;
import ai.letta.code.api.exception.TransportException;
import ai.letta.code.api.message.MessageStream;
import ai.letta.code.api.message.SendRequest;
import ai.letta.code.core.LettaCode;
import ai.letta.code.testkit.fakeapi.FakeLettaApi;
import ai.letta.code.transport.cloud.rest.ControlPlane;
import ai.letta.code.transport.cloud.rest.RestAgents;
import ai.letta.code.transport.cloud.rest.RestBlocks;
import ai.letta.code.transport.cloud.rest.RestMessages;
import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Faults at the level of the resources ({@code agents().get}, {@code agents().create}, {@code blocks().update},
 * {@code messages().stream}): which request each operation makes decides its typed exception and whether it is
 * retried. The status-to-type
 * table of one raw request is {@link LettaHttpErrorsTest}'s and the retry timing {@link LettaHttpRetryTest}'s;
 * here the same faults meet the operations users call, plus a slow server, a body cut mid-way and the server's
 * 422 through the public client. A stream cut after its first events is {@code MessageStreamFaultsTest}'s.
 */
class RestFaultsTest {

    private static final String AGENT = "agent-00000000-0000-4000-8000-000000000001";
    private static final String AGENT_JSON = "{\"id\":\"" + AGENT + "\",\"name\":\"patch\"}";
    private static final String BLOCK_JSON = "{\"id\":\"block-1\",\"label\":\"persona\",\"value\":\"v\"}";

    private final ScriptedApiServer server = ScriptedApiServer.start();
    private final TestClients clients = new TestClients();
    private LettaHttp http;
    private FakeLettaApi fake;
    private LettaCodeClient client;

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
        if (http != null) {
            http.close();
        }
        if (fake != null) {
            fake.close();
        }
        server.close();
    }

    /** One user-facing operation over a client whose retry waits are recorded, not slept. */
    enum Operation {
        /** {@code GET /v1/agents/{id}}: idempotent, retried. */
        READ(true, (http, timeout) -> new RestAgents(http, new ControlPlane(http)).get(AGENT)),
        /** {@code POST /v1/agents}: never repeated blindly (a repeat could create a second agent). */
        CREATE(false, (http, timeout) -> new RestAgents(http, new ControlPlane(http)).create(AgentOptions.builder()
                .name("patch").build())),
        /** {@code PATCH /v1/agents/{id}/core-memory/blocks/{label}}: sets a value, so repeating is safe. */
        UPDATE(true, (http, timeout) -> new RestBlocks(http).update(AGENT, "persona", "You are Patch.")),
        /** {@code POST /v1/agents/{id}/messages/stream}: runs the agent, so never repeated; bounded as a read. */
        STREAM(false, (http, timeout) -> {
            try (MessageStream stream = new RestMessages(http, new StreamLimits(timeout, timeout, 64 * 1024))
                    .stream(AGENT, SendRequest.text("hi"))) {
                stream.collect();
            }
        });

        final boolean retried;
        final BiConsumer<LettaHttp, Duration> call;

        Operation(boolean retried, BiConsumer<LettaHttp, Duration> call) {
            this.retried = retried;
            this.call = call;
        }
    }

    private Throwable run(Operation operation, Duration requestTimeout) {
        http = clients.client(TestClients.settings(server.baseUrl(), requestTimeout), RetryPolicy.defaults(),
                LettaHttp.DEFAULT_MAX_RESPONSE_BYTES);
        return catchThrowable(() -> operation.call.accept(http, requestTimeout));
    }

    static Stream<Arguments> faults() {
        return Stream.of(Operation.values()).flatMap(op -> Stream.of(
                Arguments.of(op, 401, "{\"detail\":\"Invalid API key\"}",
                        AuthenticationException.class, false),
                Arguments.of(op, 404, "{\"detail\":\"Agent not found\"}",
                        op == Operation.READ || op == Operation.STREAM ? AgentNotFoundException.class
                                : NotFoundException.class, false),
                Arguments.of(op, 409, "{\"detail\":\"Agent is busy\"}", ConflictException.class, false),
                Arguments.of(op, 422, "{\"detail\":[{\"loc\":[\"body\",\"value\"],\"msg\":\"too long\","
                        + "\"type\":\"string_too_long\"}]}", InvalidRequestException.class, false),
                Arguments.of(op, 429, "{\"detail\":\"slow down\"}", RateLimitException.class, op.retried),
                Arguments.of(op, 500, "{\"detail\":\"boom\"}", TransportException.class, op.retried),
                Arguments.of(op, 503, "{\"detail\":\"unavailable\"}", TransportException.class, op.retried)));
    }

    @ParameterizedTest(name = "{0} answered {1}")
    @MethodSource("faults")
    void eachFaultOfAReadAWriteAndAStreamIsTypedAndRetriedOnlyWhenSafe(Operation operation, int status, String body,
            Class<? extends Throwable> type, boolean retried) {
        server.then(json(status, body).header("Retry-After", "2"));

        Throwable thrown = run(operation, Duration.ofSeconds(5));

        assertThat(thrown).isInstanceOf(type).hasMessageNotContaining(TestClients.SENTINEL_KEY);
        assertThat(server.count()).as("attempts").isEqualTo(retried ? 3 : 1);
        if (retried) {
            // Retry-After (2 s) outweighs the backoff (0.5 s, 1 s) and is honoured before each repeat.
            assertThat(clients.sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
        } else {
            assertThat(clients.sleeps).isEmpty();
        }
        if (status == 422) {
            assertThat(((InvalidRequestException) thrown).fields()).containsExactly("body.value");
        }
        if (status == 429) {
            // also when not retried (a create, a stream): the caller learns when to come back
            assertThat(((RateLimitException) thrown).retryAfter()).hasValue(Duration.ofSeconds(2));
        }
    }

    @Test
    void aRetriedReadRecoversAndAnAbsurdRetryAfterIsNotWaitedFor() {
        server.then(json(503, "{}").header("Retry-After", "1"), json(200, AGENT_JSON),
                json(429, "{\"detail\":\"come back tomorrow\"}").header("Retry-After", "86400"));

        assertThat(run(Operation.READ, Duration.ofSeconds(5))).isNull();
        assertThat(server.count()).isEqualTo(2);
        assertThat(clients.sleeps).containsExactly(Duration.ofSeconds(1));

        clients.sleeps.clear();
        Throwable limited = catchThrowable(() -> Operation.READ.call.accept(http, Duration.ofSeconds(5)));
        assertThat(limited).isInstanceOf(RateLimitException.class);
        assertThat(((RateLimitException) limited).retryAfter()).hasValue(Duration.ofDays(1));
        assertThat(server.count()).as("a wait past the retry bound is not started").isEqualTo(3);
        assertThat(clients.sleeps).isEmpty();
    }

    @Test
    void anIdempotentWriteThatRecoversReturnsTheServersBlock() {
        server.then(json(500, "{}"), json(200, BLOCK_JSON));

        http = clients.client(server.baseUrl(), RetryPolicy.defaults());

        assertThat(new RestBlocks(http).update(AGENT, "persona", "v").value()).isEqualTo("v");
        assertThat(server.received()).extracting(ScriptedApiServer.Received::method).containsExactly("PATCH",
                "PATCH");
    }

    /**
     * A server that answers, but only after the request timeout: bounded by it, for a read, a write and a stream
     * (whose headers wait is the request timeout too).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("readCreateAndStream")
    void aSlowServerIsBoundedByTheRequestTimeout(Operation operation) {
        server.then(json(200, AGENT_JSON).delayed(Duration.ofSeconds(3)));
        Duration timeout = Duration.ofMillis(400);

        long started = System.nanoTime();
        Throwable thrown = run(operation, timeout);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(thrown).isInstanceOf(OperationTimeoutException.class).hasMessageContaining("400 ms");
        assertThat(took).isGreaterThanOrEqualTo(timeout).isLessThan(timeout.plusMillis(1500));
        assertThat(server.count()).isEqualTo(1);
    }

    static Stream<Operation> readAndCreate() {
        return Stream.of(Operation.READ, Operation.CREATE);
    }

    static Stream<Operation> readCreateAndStream() {
        return Stream.of(Operation.READ, Operation.CREATE, Operation.STREAM);
    }

    /** The connection closes after half the body: a transport failure, repeated only for the read. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("readAndCreate")
    void aConnectionCutMidBodyIsATransportFailure(Operation operation) {
        server.then(json(200, "{\"id\":\"" + AGENT + "\",\"name\":\"" + "x".repeat(2000) + "\"}").cutMidBody());

        Throwable thrown = run(operation, Duration.ofSeconds(5));

        assertThat(thrown).isInstanceOf(TransportException.class)
                .hasMessageContaining(operation == Operation.READ ? "GET /v1/agents/" + AGENT : "POST /v1/agents")
                .hasMessageNotContaining("x".repeat(50));
        assertThat(server.count()).isEqualTo(operation.retried ? 3 : 1);
        assertThat(clients.sleeps).hasSize(operation.retried ? 2 : 0);
    }

    /** FakeLettaApi refusing a create as Letta does; the public client names the field and the server's words. */
    @Test
    void theServersValidationErrorReachesTheUserNamingTheField() {
        fake = FakeLettaApi.builder().front(exchange -> {
            if (exchange.request().method().equals("POST") && exchange.request().path().startsWith("/v1/agents")) {
                exchange.respond(422, "application/json", "{\"detail\":[{\"loc\":[\"body\",\"name\"],"
                        + "\"msg\":\"String should have at most 64 characters\",\"type\":\"string_too_long\"}]}");
                return true;
            }
            return false;
        }).start();
        client = LettaCode.create(CloudOptions.builder("sk-test").baseUrl(fake.baseUrl()).build());

        Throwable thrown = catchThrowable(() -> client.agents().create(AgentOptions.builder().name("n".repeat(80))
                .build()));

        assertThat(thrown).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("body.name: String should have at most 64 characters")
                .hasMessageContaining("refused the field body.name");
        assertThat(((InvalidRequestException) thrown).fields()).isEqualTo(List.of("body.name"));
        assertThat(fake.requests()).hasSize(1);
        // the client still works: reads are not affected by a refused write
        assertThat(client.agents().list(ai.letta.code.api.conversation.PageRequest.first(5)).items())
                .extracting(AgentInfo::id).isEmpty();
    }
}

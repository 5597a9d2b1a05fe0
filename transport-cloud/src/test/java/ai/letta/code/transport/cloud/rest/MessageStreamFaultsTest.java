package ai.letta.code.transport.cloud.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.event.AssistantMessage;
import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.api.exception.AgentNotFoundException;
import ai.letta.code.api.exception.AuthenticationException;
import ai.letta.code.api.exception.FrameTooLongException;
import ai.letta.code.api.exception.NotFoundException;
import ai.letta.code.api.exception.OperationTimeoutException;
import ai.letta.code.api.exception.RateLimitException;
import ai.letta.code.api.exception.TransportException;
import ai.letta.code.api.exception.TransportLostException;
import ai.letta.code.api.message.MessageStream;
import ai.letta.code.api.message.SendRequest;
import ai.letta.code.testkit.fakeapi.FakeLettaApi;
import ai.letta.code.testkit.script.TurnScript;
import ai.letta.code.transport.cloud.http.LettaHttp;
import ai.letta.code.transport.cloud.http.ScriptedApiServer;
import ai.letta.code.transport.cloud.http.StreamLimits;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** A message stream's faults: before it starts, cut mid-way, silent, oversized; every wait bounded. */
class MessageStreamFaultsTest {

    private static final Duration IDLE = Duration.ofMillis(400);

    private FakeLettaApi fake;
    private LettaHttp http;
    private RestMessages messages;
    private String agentId;

    @BeforeEach
    void open() {
        fake = FakeLettaApi.start();
        http = ControlPlaneTest.client(fake.baseUrl());
        messages = new RestMessages(http, new StreamLimits(Duration.ofSeconds(5), IDLE, 16 * 1024));
        agentId = fake.createAgent(Map.of("name", "faults"));
    }

    @AfterEach
    void close() {
        http.close();
        fake.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 404, 429, 500, 503})
    void anErrorStatusBeforeTheStreamStartsIsTypedAndSentOnce(int status) {
        fake.enqueue(agentId, TurnScript.builder().httpError(status, "scripted " + status).build());
        int before = fake.requestCount();

        Class<? extends TransportException> transport = TransportException.class;
        Class<?> expected = switch (status) {
            case 401 -> AuthenticationException.class;
            case 404 -> AgentNotFoundException.class;
            case 429 -> RateLimitException.class;
            default -> transport;
        };
        assertThatThrownBy(() -> messages.stream(agentId, SendRequest.text("hi"))).isInstanceOf(expected)
                .hasMessageContaining("scripted " + status).hasMessageContaining("HTTP " + status);
        assertThat(fake.requestCount() - before).isEqualTo(1);
    }

    @Test
    void aStreamCutMidWayEndsWithATransportLostError() {
        fake.enqueue(agentId, TurnScript.builder().assistant("first part").dropConnection().build());

        try (MessageStream stream = messages.stream(agentId, SendRequest.text("hi"))) {
            Iterator<SessionEvent> events = stream.iterator();
            assertThat(events.next()).isInstanceOfSatisfying(AssistantMessage.class,
                    m -> assertThat(m.content()).isEqualTo("first part"));
            assertThatThrownBy(events::hasNext).isInstanceOf(TransportLostException.class)
                    .hasMessageContaining("broke before its end");
            assertThat(events.hasNext()).isFalse();
            assertThat(stream.stopReason()).isEmpty();
        }
    }

    @Test
    void aCutStreamIsReattachedToItsRun() {
        String conversation = new ControlPlane(http).createConversation(agentId).id();
        fake.enqueue(conversation, TurnScript.builder().assistant("before the cut").dropConnection()
                .assistant("after the cut").build());
        String runId;
        try (MessageStream stream = messages.streamToConversation(conversation, SendRequest.builder().text("hi")
                .background(true).build())) {
            Iterator<SessionEvent> events = stream.iterator();
            assertThat(((AssistantMessage) events.next()).content()).isEqualTo("before the cut");
            assertThatThrownBy(events::hasNext).isInstanceOf(TransportLostException.class);
            runId = stream.runId().orElseThrow();
        }

        try (MessageStream again = messages.reattach(conversation, runId)) {
            assertThat(again.collect().text()).isEqualTo("after the cut");
        }
        JsonNode body = fake.requests().stream().filter(r -> r.path().equals("/v1/conversations/" + conversation
                + "/stream")).reduce((a, b) -> b).orElseThrow().json();
        assertThat(body.path("run_id").asString()).isEqualTo(runId);
        assertThatThrownBy(() -> messages.reattach(conversation, runId)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aSilentServerEndsTheStreamWithinTheIdleBound() {
        fake.enqueue(agentId, TurnScript.builder().assistant("thinking...").stall().build());

        try (MessageStream stream = messages.stream(agentId, SendRequest.text("hi"))) {
            Iterator<SessionEvent> events = stream.iterator();
            events.next();
            long start = System.nanoTime();
            assertThatThrownBy(events::hasNext).isInstanceOf(OperationTimeoutException.class)
                    .hasMessageContaining(IDLE.toMillis() + " ms");
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            assertThat(waited).isGreaterThanOrEqualTo(IDLE.minusMillis(50)).isLessThan(Duration.ofSeconds(3));
        }
        awaitNoRunningRun();
    }

    @Test
    void closingFromAnotherThreadWakesABlockedReader() throws Exception {
        fake.enqueue(agentId, TurnScript.builder().assistant("hold on").stall().build());
        RestMessages patient = new RestMessages(http, new StreamLimits(Duration.ofSeconds(5), Duration.ofSeconds(30),
                1024));
        MessageStream stream = patient.stream(agentId, SendRequest.text("hi"));
        Iterator<SessionEvent> events = stream.iterator();
        events.next();

        CompletableFuture<Boolean> more = CompletableFuture.supplyAsync(events::hasNext);
        Thread.sleep(100);
        stream.close();

        assertThat(more.get(5, TimeUnit.SECONDS)).isFalse();
        awaitNoRunningRun();
    }

    @Test
    void anEventOverTheCapFailsTheStream() {
        fake.enqueue(agentId, TurnScript.text("x".repeat(40_000)));
        try (MessageStream stream = messages.stream(agentId, SendRequest.text("hi"))) {
            assertThatThrownBy(() -> stream.iterator().hasNext()).isInstanceOf(FrameTooLongException.class);
        }
    }

    @Test
    void aBodyThatEndsWithoutDoneIsACut() {
        try (ScriptedApiServer server = ScriptedApiServer.start().then(ScriptedApiServer.Reply.json(200,
                "data: {\"message_type\":\"assistant_message\",\"id\":\"message-1\",\"content\":\"half\"}\n\n")
                .header("Content-Type", "text/event-stream"));
                LettaHttp client = ControlPlaneTest.client(server.baseUrl())) {
            RestMessages scripted = new RestMessages(client, new StreamLimits(Duration.ofSeconds(2), IDLE, 1024));
            try (MessageStream stream = scripted.stream("agent-1", SendRequest.text("hi"))) {
                Iterator<SessionEvent> events = stream.iterator();
                assertThat(events.next()).isInstanceOf(AssistantMessage.class);
                assertThatThrownBy(events::hasNext).isInstanceOf(TransportLostException.class)
                        .hasMessageContaining("[DONE]");
            }
        }
    }

    private void awaitNoRunningRun() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (fake.runs().stream().anyMatch(r -> "running".equals(r.path("status").asString()))) {
            assertThat(System.nanoTime()).as("the stalled stream's connection is closed").isLessThan(deadline);
            Thread.onSpinWait();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}

package ai.letta.code.transport.cloud.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.exception.AuthenticationException;
import ai.letta.code.api.exception.NotFoundException;
import ai.letta.code.api.exception.OperationTimeoutException;
import ai.letta.code.api.exception.ProtocolException;
import ai.letta.code.api.exception.RateLimitException;
import ai.letta.code.api.exception.TransportException;
import ai.letta.code.transport.cloud.http.ScriptedApiServer.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link LettaHttp#stream}: the status and headers before any event, and whole bodies decoded as events. */
class EventSourceTest {

    private static final StreamLimits LIMITS = new StreamLimits(Duration.ofMillis(500), Duration.ofSeconds(2),
            4096);

    private final TestClients clients = new TestClients();
    private ScriptedApiServer server;
    private LettaHttp http;

    @AfterEach
    void close() {
        if (http != null) {
            http.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private EventSource open(Reply... replies) {
        server = ScriptedApiServer.start().then(replies);
        http = clients.client(server.baseUrl(), RetryPolicy.defaults());
        return http.stream(ApiRequest.post("v1", "agents", "agent-1", "messages", "stream")
                .body(Map.of("messages", List.of())).build(), LIMITS);
    }

    private static Reply sse(String body) {
        return Reply.json(200, body).header("Content-Type", "text/event-stream; charset=utf-8");
    }

    @Test
    void eventsOfAWholeBodyAreReadInOrderThenTheEnd() {
        try (EventSource source = open(sse("data: {\"n\":1}\n\n: ping\n\nevent: error\ndata: {\"n\":2}\n\n"))) {
            assertThat(source.next()).isEqualTo(new SseEvent(null, "{\"n\":1}", null));
            assertThat(source.next()).isEqualTo(new SseEvent("error", "{\"n\":2}", null));
            assertThat(source.next()).isNull();
            assertThat(source.next()).isNull();
        }
        assertThat(server.received().get(0).headers()).containsEntry("accept", "text/event-stream");
    }

    @Test
    void aGzippedStreamIsDecompressedOnTheFly() {
        try (EventSource source = open(sse("data: zipped\n\n").gzipped())) {
            assertThat(source.next().data()).isEqualTo("zipped");
        }
    }

    @Test
    void errorStatusesBeforeTheStreamAreTypedAndNeverRetried() {
        assertThatThrownBy(() -> open(Reply.json(401, "{\"detail\":\"bad key\"}")))
                .isInstanceOf(AuthenticationException.class).hasMessageNotContaining(TestClients.SENTINEL_KEY);
        assertThat(server.count()).isEqualTo(1);
        close();
        assertThatThrownBy(() -> open(Reply.json(404, "{\"detail\":\"Agent not found\"}")))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("Agent not found");
        close();
        assertThatThrownBy(() -> open(Reply.json(429, "{\"detail\":\"slow down\"}").header("Retry-After", "7")))
                .isInstanceOfSatisfying(RateLimitException.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(7)));
        assertThat(server.count()).isEqualTo(1);
        close();
        assertThatThrownBy(() -> open(Reply.json(500, "{\"detail\":\"kaput\"}")))
                .isInstanceOfSatisfying(TransportException.class,
                        e -> assertThat(e.exitCode()).hasValue(500));
        assertThat(server.count()).isEqualTo(1);
        assertThat(clients.sleeps).isEmpty();
    }

    @Test
    void aServerThatSendsNoHeadersTimesOutWithinTheBound() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> open(Reply.silence())).isInstanceOf(OperationTimeoutException.class)
                .hasMessageContaining("500 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void anAnswerThatIsNotAnEventStreamIsAProtocolError() {
        assertThatThrownBy(() -> open(Reply.json(200, "{\"messages\":[]}")))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("application/json");
    }

    @Test
    void anOversizedEventFailsTheStream() {
        try (EventSource source = open(sse("data: " + "x".repeat(10_000) + "\n\n"))) {
            List<Object> seen = new ArrayList<>();
            assertThatThrownBy(() -> seen.add(source.next()))
                    .isInstanceOf(ai.letta.code.api.exception.FrameTooLongException.class);
            assertThat(seen).isEmpty();
        }
    }
}

package ai.letta.code.transport.remote;

import static ai.letta.code.transport.remote.FakeAppServer.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.UserMessage;
import ai.letta.code.api.backend.RemoteOptions;
import ai.letta.code.api.command.ResponseMatcher;
import ai.letta.code.api.event.ErrorCode;
import ai.letta.code.api.event.ErrorEvent;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.event.UnknownEvent;
import ai.letta.code.api.exception.OperationTimeoutException;
import ai.letta.code.api.exception.SessionClosedException;
import ai.letta.code.api.exception.TransportLostException;
import ai.letta.code.api.port.SessionChannel;
import ai.letta.code.api.port.SessionTarget;
import io.netty.channel.Channel;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/** Faults the real app server cannot be made to produce, played by {@link FakeAppServer}. */
@Timeout(60)
class RemoteFaultsTest {

    static final Duration WAIT = Duration.ofSeconds(10);
    FakeAppServer server;
    WebSocketTransport transport;

    @AfterEach
    void stop() {
        if (transport != null) {
            transport.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** Answers like the app server: info, runtime_start, input (a one-delta turn unless the text says otherwise). */
    static void appServer(JsonNode command, Channel channel) {
        String type = command.path("type").asString("");
        String requestId = command.path("request_id").asString(null);
        switch (type) {
            case "app_server_info" -> send(channel, Map.of("type", "app_server_info_response", "request_id",
                    requestId, "success", true, "protocol_version", 1, "backend", "local"));
            case "runtime_start" -> {
                Map<String, Object> runtime = Map.of("agent_id", command.path("agent_id").asString("agent-fake"),
                        "conversation_id", command.path("conversation_id").asString("conv-" + requestId));
                send(channel, Map.of("type", "runtime_start_response", "request_id", requestId, "success", true,
                        "runtime", runtime, "agent", Map.of("id", runtime.get("agent_id"), "model", "fake/model"),
                        "conversation", Map.of("id", runtime.get("conversation_id"))));
            }
            case "input" -> input(command, channel, requestId);
            case "abort_message" -> send(channel, Map.of("type", "abort_message_response", "request_id", requestId,
                    "success", true, "aborted", false));
            default -> { } // like the real server: unknown commands get no reply
        }
    }

    private static void input(JsonNode command, Channel channel, String requestId) {
        JsonNode runtime = command.get("runtime");
        Map<String, Object> scope = Map.of("agent_id", runtime.path("agent_id").asString(),
                "conversation_id", runtime.path("conversation_id").asString());
        send(channel, Map.of("type", "input_accepted", "request_id", requestId, "runtime", scope, "accepted", true,
                "disposition", "started"));
        String text = command.path("payload").path("messages").path(0).path("content").asString("");
        if (text.equals("hang")) {
            send(channel, delta(scope, Map.of("type", "message", "message_type", "assistant_message", "id", "m1",
                    "content", "partial", "run_id", "run-1")));
            return;
        }
        if (text.equals("big")) {
            send(channel, delta(scope, Map.of("type", "message", "message_type", "assistant_message", "id", "m1",
                    "content", "x".repeat(100_000), "run_id", "run-1")));
            return;
        }
        if (text.equals("odd")) {
            send(channel, "{not json");
            send(channel, Map.of("type", "brand_new_frame", "runtime", scope, "whatever", 1));
            send(channel, Map.of("type", "weird_response", "request_id", requestId, "runtime", scope));
            send(channel, delta(scope, Map.of("type", "message", "message_type", "holo_message", "id", "h1",
                    "run_id", "run-1", "new_field", true)));
        }
        send(channel, delta(scope, Map.of("type", "message", "message_type", "assistant_message", "id", "m1",
                "content", List.of(Map.of("type", "text", "text", "answer to " + text)), "run_id", "run-1",
                "unknown_field", "ignored")));
        send(channel, Map.of("type", "turn_finished", "runtime", scope, "turn_id", "t-" + requestId, "stop_reason",
                "end_turn", "run_id", "run-1", "event_seq", 9));
    }

    private static Map<String, Object> delta(Map<String, Object> scope, Map<String, Object> delta) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "stream_delta");
        frame.put("delta", delta);
        frame.put("runtime", scope);
        frame.put("event_seq", 1);
        return frame;
    }

    private WebSocketTransport connect(RemoteOptions.Builder options) {
        transport = new WebSocketTransport(options.url(server.wsUri()).requestTimeout(Duration.ofSeconds(2)).build());
        return transport;
    }

    private SessionChannel open(RecordingSink sink) {
        // Partial messages on: a test can see a turn has begun streaming before its message is complete.
        return transport.sessions().open(SessionTarget.newConversation("agent-fake"),
                SessionOptions.builder().includePartialMessages(true).build(), sink);
    }

    @Test
    void upgradeCarriesTheBearerTokenAndNoOriginAndPingsAreAnswered() throws Exception {
        server = new FakeAppServer(RemoteFaultsTest::appServer);
        connect(RemoteOptions.builder().authToken("tok-123"));
        try (SessionChannel session = open(new RecordingSink())) {
            assertThat(session.conversationId()).startsWith("conv-");
            assertThat(server.upgrades).hasSize(1);
            assertThat(server.upgrades.get(0).get("Authorization")).isEqualTo("Bearer tok-123");
            assertThat(server.upgrades.get(0).contains("Origin")).isFalse();
            server.ping("are-you-there");
            assertThat(server.pongs.poll(5, TimeUnit.SECONDS)).isEqualTo("are-you-there");
        }
    }

    @Test
    void garbageFramesAndUnknownTypesNeverFailATurn() {
        server = new FakeAppServer(RemoteFaultsTest::appServer);
        connect(RemoteOptions.builder());
        RecordingSink sink = new RecordingSink();
        try (SessionChannel session = open(sink)) {
            session.send("cm-odd", UserMessage.text("odd"));
            Result result = sink.awaitResult(WAIT);
            assertThat(result.success()).isTrue();
            assertThat(result.text()).contains("answer to odd");
            assertThat(sink.events()).filteredOn(UnknownEvent.class::isInstance).singleElement()
                    .satisfies(e -> assertThat(e.type()).isEqualTo("holo_message"));
            session.send("cm-after", UserMessage.text("after"));
            assertThat(sink.awaitResult(WAIT).text()).contains("answer to after");
        }
    }

    @Test
    void anUnansweredCommandTimesOutNamingIt() {
        server = new FakeAppServer(RemoteFaultsTest::appServer);
        connect(RemoteOptions.builder());
        try (SessionChannel session = open(new RecordingSink())) {
            assertThatThrownBy(() -> session.request(new LinkedHashMap<>(Map.of("type", "totally_unknown_command")),
                    ResponseMatcher.type("totally_unknown_command_response"), Duration.ofMillis(500)))
                    .isInstanceOf(OperationTimeoutException.class)
                    .hasMessageContaining("totally_unknown_command");
        }
    }

    @Test
    void anOversizedFrameFailsTheTurnAndTheSessionRecovers() {
        server = new FakeAppServer(RemoteFaultsTest::appServer);
        connect(RemoteOptions.builder().maxFrameBytes(64 * 1024));
        RecordingSink sink = new RecordingSink();
        try (SessionChannel session = open(sink)) {
            session.send("cm-big", UserMessage.text("big"));
            List<Object> calls = sink.until(Result.class, WAIT);
            Result failed = (Result) calls.get(calls.size() - 1);
            assertThat(failed.errorCode()).isEqualTo(ErrorCode.STREAM_CLOSED);
            assertThat(failed.error()).contains("maxFrameBytes");
            session.send("cm-small", UserMessage.text("small"));
            assertThat(sink.awaitResult(WAIT).success()).isTrue();
        }
    }

    @Test
    void aDroppedSocketFailsTheRunningTurnAtOnceAndTheNextSendWorks() {
        server = new FakeAppServer(RemoteFaultsTest::appServer);
        connect(RemoteOptions.builder());
        RecordingSink sink = new RecordingSink();
        try (SessionChannel session = open(sink)) {
            session.send("cm-hang", UserMessage.text("hang"));
            sink.until(ai.letta.code.api.event.PartialEvent.class, WAIT);
            long dropped = System.nanoTime();
            server.dropClients();
            List<Object> calls = sink.until(Result.class, WAIT);
            assertThat(Duration.ofNanos(System.nanoTime() - dropped)).isLessThan(Duration.ofSeconds(2));
            assertThat(calls).anySatisfy(c -> assertThat(c).isInstanceOfSatisfying(ErrorEvent.class,
                    e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.STREAM_CLOSED)));
            Result failed = (Result) calls.get(calls.size() - 1);
            assertThat(failed.status()).isEqualTo(Result.Status.ERROR);
            assertThat(failed.errorCode()).isEqualTo(ErrorCode.STREAM_CLOSED);
            session.send("cm-next", UserMessage.text("next"));
            assertThat(sink.awaitResult(WAIT).text()).contains("answer to next");
            assertThat(server.upgrades).hasSize(2);
            assertThat(server.received.stream().filter(c -> c.path("type").asString("").equals("runtime_start"))
                    .filter(c -> c.has("conversation_id"))).hasSize(1);
        }
        assertThat(sink.violations()).isEmpty();
    }

    @Test
    void aServerThatStaysAwayClosesTheSessionAfterTheBound() {
        server = new FakeAppServer(RemoteFaultsTest::appServer);
        connect(RemoteOptions.builder().reconnectBound(Duration.ofSeconds(1)));
        RecordingSink sink = new RecordingSink();
        SessionChannel session = open(sink);
        session.send("cm-hang", UserMessage.text("hang"));
        sink.until(ai.letta.code.api.event.PartialEvent.class, WAIT);
        server.goAway();
        assertThat(sink.awaitResult(WAIT).errorCode()).isEqualTo(ErrorCode.STREAM_CLOSED);
        RecordingSink.Closed closed = sink.awaitClosed(WAIT);
        assertThat(closed.cause()).isInstanceOf(TransportLostException.class)
                .hasMessageContaining("reconnectBound");
        assertThatThrownBy(() -> session.send("cm-late", UserMessage.text("late")))
                .isInstanceOf(SessionClosedException.class);
        session.close();
        assertThat(sink.violations()).isEmpty();
    }

    @Test
    void twoSessionsShareOneSocketAndGetTheirOwnResults() {
        server = new FakeAppServer(RemoteFaultsTest::appServer);
        connect(RemoteOptions.builder());
        RecordingSink first = new RecordingSink();
        RecordingSink second = new RecordingSink();
        try (SessionChannel a = open(first); SessionChannel b = open(second)) {
            assertThat(a.conversationId()).isNotEqualTo(b.conversationId());
            a.send("cm-a", UserMessage.text("for a"));
            b.send("cm-b", UserMessage.text("for b"));
            assertThat(first.awaitResult(WAIT).text()).contains("for a");
            assertThat(second.awaitResult(WAIT).text()).contains("for b");
            assertThat(server.upgrades).hasSize(1);
        }
    }
}

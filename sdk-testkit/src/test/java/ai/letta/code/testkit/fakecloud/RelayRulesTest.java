package ai.letta.code.testkit.fakecloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The relay rules (cloud-relay.md §5, {@link Relay}) with plain websocket clients standing in for the listener and
 * the SDK; no listener process.
 */
class RelayRulesTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    /** Long enough for a frame that would arrive to have arrived on loopback. */
    private static final Duration QUIET = Duration.ofMillis(300);

    private FakeLettaCloud cloud;

    @AfterEach
    void close() {
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void pairedModeSendsListenerReadyOnEachSocketEchoingGenerationAndAttempt() {
        cloud = FakeLettaCloud.start();
        try (FakeListenerSockets listener = FakeListenerSockets.connect(cloud, "dev-1", "probe")) {
            for (TestSocket socket : List.of(listener.control, listener.stream)) {
                JsonNode ready = socket.awaitType("listener_ready", WAIT);
                assertThat(ready.path("connection_generation").asString()).isEqualTo("gen-1");
                assertThat(ready.path("connection_attempt").isInt()).isTrue();
                assertThat(ready.path("connection_attempt").asInt()).isEqualTo(1);
            }
        }
    }

    @Test
    void splitModeSendsNoListenerReady() {
        cloud = FakeLettaCloud.builder().socketMode(SocketMode.SPLIT).start();
        try (FakeListenerSockets listener = FakeListenerSockets.connect(cloud, "dev-1", "probe")) {
            assertThat(listener.control.drain(QUIET)).isEmpty();
            assertThat(listener.stream.drain(Duration.ZERO)).isEmpty();
            assertThat(cloud.awaitOnline("dev-1", WAIT).connectionId()).isEqualTo(listener.connectionId());
        }
    }

    @Test
    void listenerPingsGetPongsOnTheSameSocketUntilPongsAreStopped() {
        cloud = FakeLettaCloud.builder().socketMode(SocketMode.SPLIT).start();
        try (FakeListenerSockets listener = FakeListenerSockets.connect(cloud, "dev-1", "probe")) {
            listener.stream.send(Map.of("type", "ping"));
            assertThat(listener.stream.awaitType("pong", WAIT)).isNotNull();
            listener.control.send(Map.of("type", "ping"));
            assertThat(listener.control.awaitType("pong", WAIT)).isNotNull();

            cloud.stopPongs(true);
            listener.control.send(Map.of("type", "ping"));
            assertThat(listener.control.drain(QUIET)).isEmpty();
        }
    }

    @Test
    void sdkPingGetsPongAndSdkAckIsSwallowedNeitherReachesTheListener() {
        cloud = FakeLettaCloud.builder().socketMode(SocketMode.SINGLE).start();
        try (FakeListenerSockets listener = FakeListenerSockets.connect(cloud, "dev-1", "probe");
                TestSocket sdk = sdk(listener, "agent-1", "conv-1", "control", true)) {
            sdk.send(Map.of("type", "ping"));
            assertThat(sdk.awaitType("pong", WAIT).has("seq")).as("the relay's own pong is not numbered").isFalse();
            sdk.send(Map.of("type", "ack", "seq", 1));
            sdk.send(Map.of("type", "sync", "request_id", "marker"));
            assertThat(listener.control.await("the next frame", f -> true, WAIT).path("request_id").asString())
                    .isEqualTo("marker");
        }
    }

    @Test
    void sdkFramesReachTheListenerControlSocketVerbatimExceptTheInjectedActingUser() {
        cloud = FakeLettaCloud.builder().socketMode(SocketMode.SPLIT).start();
        try (FakeListenerSockets listener = FakeListenerSockets.connect(cloud, "dev-1", "probe");
                TestSocket sdk = sdk(listener, "agent-1", "conv-1", "control", true)) {
            sdk.sendText("{\"type\":\"list_models\",\"request_id\":\"lm-1\"}");
            sdk.send(Map.of("type", "input", "request_id", "in-1",
                    "runtime", Map.of("agent_id", "agent-1", "conversation_id", "conv-1")));

            assertThat(listener.control.awaitType("list_models", WAIT).toString())
                    .isEqualTo("{\"type\":\"list_models\",\"request_id\":\"lm-1\"}");
            JsonNode input = listener.control.awaitType("input", WAIT);
            assertThat(input.path("runtime").path("acting_user_id").asString())
                    .isEqualTo(FakeLettaCloud.DEFAULT_ACTING_USER_ID);
            assertThat(input.path("runtime").path("agent_id").asString()).isEqualTo("agent-1");
            assertThat(listener.stream.drain(QUIET)).as("nothing goes to the listener's stream socket").isEmpty();
        }
    }

    @Test
    void withoutAnActingUserTheRuntimeIsLeftAlone() {
        cloud = FakeLettaCloud.builder().socketMode(SocketMode.SINGLE).actingUserId(null).start();
        try (FakeListenerSockets listener = FakeListenerSockets.connect(cloud, "dev-1", "probe");
                TestSocket sdk = sdk(listener, "agent-1", "conv-1", null, true)) {
            sdk.send(Map.of("type", "input", "runtime", Map.of("agent_id", "agent-1", "conversation_id", "conv-1")));
            assertThat(listener.control.awaitType("input", WAIT).path("runtime").has("acting_user_id")).isFalse();
        }
    }

    @Test
    void aResponseGoesOnlyToTheClientThatSentItsRequestId() {
        cloud = FakeLettaCloud.builder().socketMode(SocketMode.SINGLE).start();
        try (FakeListenerSockets listener = FakeListenerSockets.connect(cloud, "dev-1", "probe");
                TestSocket a = sdk(listener, "agent-1", "conv-a", "control", true);
                TestSocket b = sdk(listener, "agent-1", "conv-b", "control", true)) {
            a.send(Map.of("type", "list_models", "request_id", "lm-a"));
            listener.control.awaitType("list_models", WAIT);
            listener.control.send(Map.of("type", "list_models_response", "request_id", "lm-a", "success", true));

            assertThat(a.awaitType("list_models_response", WAIT).path("request_id").asString()).isEqualTo("lm-a");
            assertThat(b.drain(QUIET)).isEmpty();
        }
    }

    @Test
    void aFrameWithARuntimeGoesToTheClientsOfThatConversationAndOneWithoutToAll() {
        cloud = FakeLettaCloud.builder().socketMode(SocketMode.SINGLE).start();
        try (FakeListenerSockets listener = FakeListenerSockets.connect(cloud, "dev-1", "probe");
                TestSocket a = sdk(listener, "agent-1", "conv-a", "control", true);
                TestSocket b = sdk(listener, "agent-1", "conv-b", "control", true)) {
            listener.control.send(Map.of("type", "turn_finished", "stop_reason", "end_turn",
                    "runtime", Map.of("agent_id", "agent-1", "conversation_id", "conv-b")));
            assertThat(b.awaitType("turn_finished", WAIT)).isNotNull();
            assertThat(a.drain(QUIET)).isEmpty();

            listener.control.send(Map.of("type", "notice"));
            assertThat(a.awaitType("notice", WAIT)).isNotNull();
            assertThat(b.awaitType("notice", WAIT)).isNotNull();
        }
    }

    @Test
    void streamTypesGoToTheStreamSocketAndAreMirroredToControlTheRestOnlyToControl() {
        cloud = FakeLettaCloud.builder().socketMode(SocketMode.SPLIT).start();
        try (FakeListenerSockets listener = FakeListenerSockets.connect(cloud, "dev-1", "probe");
                TestSocket control = sdk(listener, "agent-1", "conv-1", "control", true);
                TestSocket stream = sdk(listener, "agent-1", "conv-1", "stream", true);
                TestSocket both = sdk(listener, "agent-1", "conv-1", null, true)) {
            // The SDK-side channel follows the frame type, not the listener socket it came on.
            listener.control.send(Map.of("type", "stream_delta", "delta", Map.of("message_type", "assistant_message")));
            listener.stream.send(Map.of("type", "input_accepted", "accepted", true));

            assertThat(types(stream.drain(QUIET))).containsExactly("stream_delta");
            assertThat(types(control.drain(Duration.ZERO))).containsExactlyInAnyOrder("stream_delta", "input_accepted");
            assertThat(types(both.drain(Duration.ZERO))).containsExactlyInAnyOrder("stream_delta", "input_accepted");
        }
    }

    @Test
    void withoutMirroringTheControlSocketGetsNoStreamTypes() {
        cloud = FakeLettaCloud.builder().socketMode(SocketMode.SPLIT).mirrorToControl(false).start();
        try (FakeListenerSockets listener = FakeListenerSockets.connect(cloud, "dev-1", "probe");
                TestSocket control = sdk(listener, "agent-1", "conv-1", "control", true);
                TestSocket stream = sdk(listener, "agent-1", "conv-1", "stream", true)) {
            for (String type : Relay.STREAM_TYPES) {
                listener.stream.send(Map.of("type", type));
            }
            listener.control.send(Map.of("type", "turn_finished"));

            assertThat(types(stream.drain(QUIET))).containsExactlyInAnyOrderElementsOf(Relay.STREAM_TYPES);
            assertThat(types(control.drain(Duration.ZERO))).containsExactly("turn_finished");
        }
    }

    @Test
    void everySdkSocketNumbersItsFramesAndCountsThemUnackedUntilAcked() throws InterruptedException {
        cloud = FakeLettaCloud.builder().socketMode(SocketMode.SINGLE).start();
        try (FakeListenerSockets listener = FakeListenerSockets.connect(cloud, "dev-1", "probe");
                TestSocket a = sdk(listener, "agent-1", "conv-1", null, false);
                TestSocket b = sdk(listener, "agent-1", "conv-1", null, false)) {
            listener.control.send(Map.of("type", "one"));
            listener.control.send(Map.of("type", "two"));
            assertThat(a.awaitType("two", WAIT).path("seq").asLong()).isEqualTo(2);
            assertThat(b.awaitType("two", WAIT).path("seq").asLong()).isEqualTo(2);
            assertThat(a.seen().get(0).path("seq").asLong()).isEqualTo(1);
            assertThat(cloud.unackedFrames()).isEqualTo(4);

            a.send(Map.of("type", "ack", "seq", 1));
            a.send(Map.of("type", "ack", "seq", 2));
            b.send(Map.of("type", "ack", "seq", 2));
            awaitUnacked(1);
        }
    }

    @Test
    void withSeqOffFramesCarryNoSeqAndNothingIsUnacked() {
        cloud = FakeLettaCloud.builder().socketMode(SocketMode.SINGLE).seq(false).start();
        try (FakeListenerSockets listener = FakeListenerSockets.connect(cloud, "dev-1", "probe");
                TestSocket sdk = sdk(listener, "agent-1", "conv-1", null, false)) {
            listener.control.send(Map.of("type", "one"));
            assertThat(sdk.awaitType("one", WAIT).has("seq")).isFalse();
            assertThat(cloud.unackedFrames()).isZero();
        }
    }

    @Test
    void relayedFramesLogBothDirectionsWithTheirDeliveries() {
        cloud = FakeLettaCloud.builder().socketMode(SocketMode.SINGLE).start();
        try (FakeListenerSockets listener = FakeListenerSockets.connect(cloud, "dev-1", "probe");
                TestSocket sdk = sdk(listener, "agent-1", "conv-1", null, true)) {
            sdk.send(Map.of("type", "sync", "request_id", "s-1"));
            listener.control.awaitType("sync", WAIT);
            listener.control.send(Map.of("type", "sync_response", "request_id", "s-1"));
            sdk.awaitType("sync_response", WAIT);

            assertThat(cloud.relayedFrames()).anySatisfy(f -> {
                assertThat(f.from()).isEqualTo(RelayedFrame.From.SDK);
                assertThat(f.type()).isEqualTo("sync");
                assertThat(f.deliveries()).isEqualTo(1);
            }).anySatisfy(f -> {
                assertThat(f.from()).isEqualTo(RelayedFrame.From.LISTENER);
                assertThat(f.type()).isEqualTo("sync_response");
                assertThat(f.connectionId()).isEqualTo(listener.connectionId());
                assertThat(f.deliveries()).isEqualTo(1);
            });
        }
    }

    private TestSocket sdk(FakeListenerSockets listener, String agentId, String conversationId, String channel,
            boolean autoAck) {
        TestSocket socket = TestSocket.open(cloud.sdkSocketUri(listener.connectionId(), agentId, conversationId,
                channel), cloud.apiKey(), autoAck);
        return socket;
    }

    private void awaitUnacked(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (cloud.unackedFrames() != expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(cloud.unackedFrames()).isEqualTo(expected);
    }

    private static List<String> types(List<JsonNode> frames) {
        return frames.stream().map(f -> f.path("type").asString()).toList();
    }
}

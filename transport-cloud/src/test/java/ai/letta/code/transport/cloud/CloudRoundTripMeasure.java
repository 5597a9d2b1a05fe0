package ai.letta.code.transport.cloud;

import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.api.Session;
import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.backend.CloudOptions;
import ai.letta.code.api.backend.ExecutionTarget;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.core.LettaCode;
import ai.letta.code.testkit.fakeapi.FakeLettaApi;
import ai.letta.code.testkit.fakecloud.CloudListener;
import ai.letta.code.testkit.fakecloud.FakeLettaCloud;
import ai.letta.code.testkit.peer.TurnTimings;
import ai.letta.code.testkit.script.TurnScript;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures one scripted turn through Letta Cloud's relay against {@link FakeLettaCloud} and a real pinned listener
 * (a named environment): through the SDK, {@code send} until the {@link Result} leaves the stream; and, as the
 * baseline, the same protocol spoken over a raw JDK websocket on the relay's control socket ({@code input} until
 * {@code turn_finished}, acknowledging the relay's {@code seq}s). The two alternate turn by turn after warm-up
 * turns. Not a test: numbers go to the README, never into assertions.
 *
 * <p>Run: {@code ./mvnw -q -pl transport-cloud -am verify -Proundtrip -DskipTests [-Droundtrip.turns=21]}
 */
public final class CloudRoundTripMeasure {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CloudRoundTripMeasure() {
    }

    /** @param args the number of measured turns (default 11); 3 warm-up turns of each kind run first */
    public static void main(String[] args) throws Exception {
        int turns = args.length > 0 ? Integer.parseInt(args[0]) : 11;
        int warmup = 3;
        try (FakeLettaCloud cloud = FakeLettaCloud.builder()
                .api(FakeLettaApi.builder().model(SharedFakeCloud.MODEL)).start();
                CloudListener listener = cloud.startListener("roundtrip");
                LettaCodeClient client = LettaCode.create(CloudOptions.builder(cloud.apiKey()).baseUrl(cloud.baseUrl())
                        .target(ExecutionTarget.environment("roundtrip")).build())) {
            String agentId = client.createAgent(AgentOptions.builder().model(SharedFakeCloud.MODEL).build());
            String rawConversation = client.conversations().create(agentId).id();
            System.out.printf("relay %s, listener %s (paired sockets, seq on); %d warm-up + %d measured turns each,"
                    + " SDK and raw alternating%n", cloud.baseUrl(), listener.deviceId(), warmup, turns);
            try (Session session = client.createSession(agentId, SessionOptions.defaults());
                    RawRelay raw = new RawRelay(cloud, listener.connectionId().orElseThrow(), agentId,
                            rawConversation)) {
                TurnTimings sdk = new TurnTimings("sdk send->Result (relay)        ");
                TurnTimings direct = new TurnTimings("raw input->turn_finished (relay)");
                for (int i = 0; i < warmup + turns; i++) {
                    cloud.api().enqueue(TurnScript.text("sdk answer " + i));
                    long start = System.nanoTime();
                    sdkTurn(session, i);
                    if (i >= warmup) {
                        sdk.since(start);
                    }
                    cloud.api().enqueue(TurnScript.text("raw answer " + i));
                    start = System.nanoTime();
                    raw.turn(i);
                    if (i >= warmup) {
                        direct.since(start);
                    }
                }
                System.out.println(sdk.report());
                System.out.println(direct.report());
            }
        }
    }

    private static void sdkTurn(Session session, int i) {
        session.send("ping " + i);
        Result result = null;
        for (SessionEvent event : session.stream()) {
            if (event instanceof Result r) {
                result = r;
            }
        }
        if (result == null || !result.success()) {
            throw new IllegalStateException("SDK turn " + i + " failed: " + result);
        }
    }

    /** The baseline: one raw relay control socket, subscribed with {@code runtime_start}. */
    private static final class RawRelay implements AutoCloseable {
        private final LinkedBlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        private final WebSocket socket;
        private final Map<String, String> runtime;

        RawRelay(FakeLettaCloud cloud, String connectionId, String agentId, String conversationId) throws Exception {
            runtime = Map.of("agent_id", agentId, "conversation_id", conversationId);
            URI uri = cloud.sdkSocketUri(connectionId, agentId, conversationId, null);
            socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .header("Authorization", "Bearer " + cloud.apiKey())
                    .buildAsync(uri, new WebSocket.Listener() {
                        private final StringBuilder partial = new StringBuilder();

                        @Override
                        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                            partial.append(data);
                            if (last) {
                                JsonNode frame = JSON.readTree(partial.toString());
                                partial.setLength(0);
                                if (frame.path("seq").isNumber()) {
                                    webSocket.sendText("{\"type\":\"ack\",\"seq\":" + frame.path("seq").asLong()
                                            + "}", true);
                                }
                                frames.add(frame);
                            }
                            webSocket.request(1);
                            return CompletableFuture.completedFuture(null);
                        }
                    }).get(10, TimeUnit.SECONDS);
            send(Map.of("type", "runtime_start", "request_id", "rs", "agent_id", agentId, "conversation_id",
                    conversationId, "mode", "standard"));
            await("runtime_start_response");
        }

        void turn(int i) throws Exception {
            send(Map.of("type", "input", "request_id", "in-" + i, "runtime", runtime, "payload", Map.of("kind",
                    "create_message", "messages", java.util.List.of(Map.of("role", "user", "content", "ping " + i,
                            "client_message_id", "cm-" + i)))));
            JsonNode finished = await("turn_finished");
            if (!"end_turn".equals(finished.path("stop_reason").asString())) {
                throw new IllegalStateException("raw turn " + i + " failed: " + finished);
            }
        }

        private void send(Map<String, ?> frame) throws Exception {
            socket.sendText(JSON.writeValueAsString(frame), true).get(10, TimeUnit.SECONDS);
        }

        private JsonNode await(String type) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                JsonNode frame = frames.poll(100, TimeUnit.MILLISECONDS);
                if (frame != null && type.equals(frame.path("type").asString())) {
                    return frame;
                }
            }
            throw new IllegalStateException("no " + type + " within 30 s");
        }

        @Override
        public void close() {
            socket.abort();
        }
    }
}

package ai.letta.code.transport.remote;

import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.api.Session;
import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.backend.RemoteOptions;
import ai.letta.code.api.event.Result;
import ai.letta.code.core.LettaCode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Many sessions multiplexed on one client's one websocket to one app server: opens them all, reports the heap they
 * hold, then runs turns on every one and reports the SDK's latency per turn ({@code send} until the {@link Result}
 * leaves the stream) next to a raw JDK websocket client's on the same server ({@code input} until
 * {@code turn_finished}, its own runtimes on one socket), turn by turn alternating. The server is
 * {@link FakeAppServer} with {@link AppServerReplies} (a one-delta turn answered at once): the real app server
 * keeps a runtime per session in one Node process and was not built for a thousand, and a fake that answers at once
 * isolates what the SDK adds. Not a test: numbers go to the README, never into assertions.
 *
 * <p>Run (from the project root, heap capped at 256 MiB so the run fails if the sessions need more):
 * <pre>
 * ./mvnw -q -pl transport-remote -am verify -Pmultiplex -DskipTests [-Dmultiplex.sessions=1000] [-Dmultiplex.turns=3]
 * </pre>
 */
public final class MultiplexMeasure {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private MultiplexMeasure() {
    }

    /** @param args the number of sessions (default 1000) and of measured turns per session (default 3) */
    public static void main(String[] args) throws Exception {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int turns = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        try (FakeAppServer server = new FakeAppServer(AppServerReplies::reply);
                LettaCodeClient client = LettaCode.create(RemoteOptions.builder().url(server.wsUri()).build());
                RawClient raw = new RawClient(server.wsUri())) {
            long heapBefore = usedHeap();
            long start = System.nanoTime();
            List<Session> open = new ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                open.add(client.createSession("agent-fake", SessionOptions.defaults()));
            }
            double openMs = (System.nanoTime() - start) / 1e6;
            server.received.clear();
            long heapOpen = usedHeap();
            System.out.printf(Locale.ROOT, "%d sessions opened on one socket in %.0f ms (%.2f ms each); heap in use "
                    + "%.1f MiB before, %.1f MiB with them open (%.1f KiB per session), max heap %.0f MiB%n",
                    sessions, openMs, openMs / sessions, heapBefore / 1048576.0, heapOpen / 1048576.0,
                    (heapOpen - heapBefore) / 1024.0 / sessions, Runtime.getRuntime().maxMemory() / 1048576.0);
            for (int i = 0; i < sessions; i++) {
                raw.start(i);
            }
            for (int i = 0; i < Math.min(sessions, 200); i++) { // warm-up, not counted
                SdkTurn.micros(open.get(i), "warm " + i);
                raw.turn(i, "warm " + i);
            }
            long[] sdk = new long[sessions * turns];
            long[] direct = new long[sessions * turns];
            int n = 0;
            for (int round = 0; round < turns; round++) {
                for (int i = 0; i < sessions; i++, n++) {
                    sdk[n] = SdkTurn.micros(open.get(i), "ping " + round);
                    direct[n] = raw.turn(i, "ping " + round);
                }
                server.received.clear();
            }
            long heapAfter = usedHeap();
            report("sdk send->Result        ", sdk);
            report("raw input->turn_finished", direct);
            long[] added = new long[n];
            for (int i = 0; i < n; i++) {
                added[i] = sdk[i] - direct[i];
            }
            Arrays.sort(sdk);
            Arrays.sort(direct);
            System.out.printf(Locale.ROOT, "SDK's added latency per turn: p50 %.3f ms, p99 %.3f ms (p99 sdk - p99"
                    + " raw); heap in use after %d turns: %.1f MiB%n", (sdk[n / 2] - direct[n / 2]) / 1000.0,
                    (percentile(sdk, 0.99) - percentile(direct, 0.99)) / 1000.0, n, heapAfter / 1048576.0);
            open.forEach(Session::close);
        }
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** The baseline: the protocol over one JDK websocket, a runtime of its own per index, frames routed by type. */
    private static final class RawClient implements AutoCloseable {
        private final Map<String, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();
        private final Map<Integer, JsonNode> runtimes = new ConcurrentHashMap<>();
        private final WebSocket socket;

        RawClient(URI url) throws Exception {
            socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(url, new WebSocket.Listener() {
                private final StringBuilder partial = new StringBuilder();

                @Override
                public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                    partial.append(data);
                    if (last) {
                        JsonNode frame = JSON.readTree(partial.toString());
                        partial.setLength(0);
                        String type = frame.path("type").asString();
                        String key = type.equals("turn_finished")
                                ? "finished:" + frame.path("runtime").path("conversation_id").asString()
                                : type.endsWith("_response") ? "response:" + frame.path("request_id").asString() : null;
                        CompletableFuture<JsonNode> future = key == null ? null : waiting.remove(key);
                        if (future != null) {
                            future.complete(frame);
                        }
                    }
                    webSocket.request(1);
                    return CompletableFuture.completedFuture(null);
                }
            }).get(10, TimeUnit.SECONDS);
        }

        void start(int index) throws Exception {
            CompletableFuture<JsonNode> response = expect("response:raw-rs-" + index);
            send("{\"type\":\"runtime_start\",\"request_id\":\"raw-rs-" + index + "\",\"agent_id\":\"agent-raw\","
                    + "\"create_conversation\":{},\"mode\":\"standard\"}");
            runtimes.put(index, response.get(30, TimeUnit.SECONDS).path("runtime"));
        }

        long turn(int index, String text) throws Exception {
            JsonNode runtime = runtimes.get(index);
            long start = System.nanoTime();
            CompletableFuture<JsonNode> finished = expect("finished:" + runtime.path("conversation_id").asString());
            send("{\"type\":\"input\",\"request_id\":\"raw-in-" + index + "\",\"runtime\":" + runtime
                    + ",\"payload\":{\"kind\":\"create_message\",\"messages\":[{\"role\":\"user\",\"content\":\""
                    + text + "\"}]}}");
            JsonNode frame = finished.get(30, TimeUnit.SECONDS);
            long took = (System.nanoTime() - start) / 1_000;
            if (!"end_turn".equals(frame.path("stop_reason").asString())) {
                throw new IllegalStateException("raw turn failed: " + frame);
            }
            return took;
        }

        private CompletableFuture<JsonNode> expect(String key) {
            CompletableFuture<JsonNode> future = new CompletableFuture<>();
            waiting.put(key, future);
            return future;
        }

        private void send(String frame) throws Exception {
            socket.sendText(frame, true).get(10, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            socket.abort();
        }
    }

    private static void report(String what, long[] micros) {
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%s ms: p50 %.3f, p90 %.3f, p99 %.3f, max %.3f (n=%d)%n", what,
                sorted[sorted.length / 2] / 1000.0, percentile(sorted, 0.90) / 1000.0,
                percentile(sorted, 0.99) / 1000.0, sorted[sorted.length - 1] / 1000.0, sorted.length);
    }

    private static long percentile(long[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)];
    }
}

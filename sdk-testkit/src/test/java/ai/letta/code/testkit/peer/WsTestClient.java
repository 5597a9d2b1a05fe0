package ai.letta.code.testkit.peer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A raw websocket client for the App Server proofs, on the JDK's {@code java.net.http.WebSocket}, which sends no
 * {@code Origin} header (a no-auth server answers 403 to one, app-server-ws.md §1.1). Frames queue up as parsed
 * JSON; every wait is bounded and its failure lists the frame types seen meanwhile.
 */
final class WsTestClient implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Object CLOSED = new Object();

    private final WebSocket socket;
    private final LinkedBlockingQueue<Object> frames;

    private WsTestClient(WebSocket socket, LinkedBlockingQueue<Object> frames) {
        this.socket = socket;
        this.frames = frames;
    }

    /** Opens a socket, with {@code Authorization: Bearer <token>} when {@code token} is not null. */
    static WsTestClient open(URI uri, String token, Duration timeout) throws Exception {
        LinkedBlockingQueue<Object> frames = new LinkedBlockingQueue<>();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(timeout);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        WebSocket socket = builder.buildAsync(uri, new Collector(frames)).get(timeout.toMillis(),
                TimeUnit.MILLISECONDS);
        return new WsTestClient(socket, frames);
    }

    /** Sends one JSON frame built from a map. */
    void send(Map<String, ?> frame) throws Exception {
        socket.sendText(JSON.writeValueAsString(frame), true).get(5, TimeUnit.SECONDS);
    }

    /** Reads frames until one matches, waiting at most {@code timeout} in all. */
    JsonNode await(Predicate<JsonNode> match, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ArrayDeque<String> seen = new ArrayDeque<>();
        while (true) {
            Object next = frames.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (next == null || next == CLOSED) {
                throw new AssertionError((next == null ? "waited " + timeout.toMillis() + " ms" : "socket closed")
                        + " for a frame matching " + match + "; frame types seen: " + seen);
            }
            JsonNode frame = (JsonNode) next;
            if (match.test(frame)) {
                return frame;
            }
            seen.add(frame.path("type").asString("?") + (frame.has("delta")
                    ? "/" + frame.path("delta").path("message_type").asString("?") : ""));
        }
    }

    @Override
    public void close() {
        socket.abort();
    }

    /** Joins partial text frames and queues each whole frame as JSON. */
    private static final class Collector implements WebSocket.Listener {
        private final LinkedBlockingQueue<Object> frames;
        private final StringBuilder partial = new StringBuilder();

        Collector(LinkedBlockingQueue<Object> frames) {
            this.frames = frames;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(JSON.readTree(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            frames.add(CLOSED);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            frames.add(CLOSED);
        }
    }
}

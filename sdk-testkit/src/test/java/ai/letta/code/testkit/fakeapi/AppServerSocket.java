package ai.letta.code.testkit.fakeapi;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A raw App Server websocket for the API-mode proof, on the JDK's {@code java.net.http.WebSocket} (it sends no
 * {@code Origin}, which a no-auth server refuses). Every frame is kept; every wait is bounded.
 */
final class AppServerSocket implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebSocket socket;
    private final LinkedBlockingQueue<JsonNode> inbox;
    private final List<JsonNode> seen = new ArrayList<>();

    private AppServerSocket(WebSocket socket, LinkedBlockingQueue<JsonNode> inbox) {
        this.socket = socket;
        this.inbox = inbox;
    }

    static AppServerSocket open(URI uri) throws Exception {
        LinkedBlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(uri, new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            inbox.add(JSON.readTree(partial.toString()));
                            partial.setLength(0);
                        }
                        ws.request(1);
                        return CompletableFuture.completedFuture(null);
                    }
                }).get(10, TimeUnit.SECONDS);
        return new AppServerSocket(socket, inbox);
    }

    void send(Object frame) throws Exception {
        socket.sendText(JSON.writeValueAsString(frame), true).get(5, TimeUnit.SECONDS);
    }

    /** Reads frames until one matches, waiting at most {@code timeout} in all. */
    JsonNode await(String description, Predicate<JsonNode> match, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode frame = inbox.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (frame == null) {
                throw new AssertionError("waited " + timeout + " for " + description + "; frames seen: "
                        + seen.stream().map(f -> f.path("type").asString() + (f.has("delta")
                        ? "/" + f.path("delta").path("message_type").asString() : "")).toList());
            }
            seen.add(frame);
            if (match.test(frame)) {
                return frame;
            }
        }
    }

    JsonNode awaitType(String type, Duration timeout) throws InterruptedException {
        return await("type=" + type, f -> type.equals(f.path("type").asString()), timeout);
    }

    /** Every frame read so far. */
    List<JsonNode> seen() {
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        socket.abort();
    }
}

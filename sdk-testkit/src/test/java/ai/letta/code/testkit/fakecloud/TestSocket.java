package ai.letta.code.testkit.fakecloud;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A raw websocket client (the JDK's) standing in for a listener or an SDK socket: every text frame is kept as JSON,
 * every wait is bounded and its failure lists the frame types seen. With auto-ack it answers each frame carrying a
 * {@code seq} with {@code {"type":"ack","seq":N}}, as the upstream SDK does.
 */
final class TestSocket implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration OPEN_TIMEOUT = Duration.ofSeconds(5);

    private final WebSocket socket;
    private final LinkedBlockingQueue<JsonNode> inbox;
    private final List<JsonNode> seen = new ArrayList<>();
    private final CompletableFuture<Integer> closeCode;
    private final StringBuilder closeReason;

    private TestSocket(WebSocket socket, LinkedBlockingQueue<JsonNode> inbox, CompletableFuture<Integer> closeCode,
            StringBuilder closeReason) {
        this.closeReason = closeReason;
        this.socket = socket;
        this.inbox = inbox;
        this.closeCode = closeCode;
    }

    /** Opens with {@code Authorization: Bearer key} when {@code key} is not null. */
    static TestSocket open(URI uri, String key, boolean autoAck) {
        LinkedBlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
        CompletableFuture<Integer> closeCode = new CompletableFuture<>();
        StringBuilder closeReason = new StringBuilder();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(OPEN_TIMEOUT);
        if (key != null) {
            builder.header("Authorization", "Bearer " + key);
        }
        WebSocket socket = builder.buildAsync(uri, new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    JsonNode frame = JSON.readTree(partial.toString());
                    partial.setLength(0);
                    if (autoAck && frame.has("seq")) {
                        ws.sendText("{\"type\":\"ack\",\"seq\":" + frame.get("seq").asLong() + "}", true);
                    }
                    inbox.add(frame);
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                synchronized (closeReason) {
                    closeReason.append(reason);
                }
                closeCode.complete(statusCode);
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                closeCode.complete(1006);
            }
        }).orTimeout(OPEN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).join();
        return new TestSocket(socket, inbox, closeCode, closeReason);
    }

    /** The HTTP status an upgrade was refused with, or 101 when it was accepted (and then closed). */
    static int upgradeStatus(URI uri, String key) {
        try {
            open(uri, key, false).close();
            return 101;
        } catch (CompletionException e) {
            if (e.getCause() instanceof java.net.http.WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }

    void send(Map<String, ?> frame) {
        sendText(JSON.writeValueAsString(frame));
    }

    void sendText(String text) {
        socket.sendText(text, true).orTimeout(5, TimeUnit.SECONDS).join();
    }

    /** Reads frames until one matches, waiting at most {@code timeout} in all. */
    JsonNode await(String description, Predicate<JsonNode> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode frame;
            try {
                frame = inbox.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + description, e);
            }
            if (frame == null) {
                throw new AssertionError("waited " + timeout.toMillis() + " ms for " + description
                        + "; frame types seen: " + types());
            }
            seen.add(frame);
            if (match.test(frame)) {
                return frame;
            }
        }
    }

    JsonNode awaitType(String type, Duration timeout) {
        return await("type=" + type, frame -> type.equals(frame.path("type").asString()), timeout);
    }

    /** The frames that arrive within {@code window}, after those already read. */
    List<JsonNode> drain(Duration window) {
        long deadline = System.nanoTime() + window.toNanos();
        List<JsonNode> frames = new ArrayList<>();
        while (true) {
            try {
                JsonNode frame = inbox.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (frame == null) {
                    return frames;
                }
                seen.add(frame);
                frames.add(frame);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return frames;
            }
        }
    }

    /** The close code the server sent (1006 for none), waiting at most {@code timeout}. */
    int awaitClose(Duration timeout) {
        return closeCode.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    /** The close frame's reason, once {@link #awaitClose} returned. */
    String closeReason() {
        synchronized (closeReason) {
            return closeReason.toString();
        }
    }

    /** Every frame read so far. */
    List<JsonNode> seen() {
        return List.copyOf(seen);
    }

    private List<String> types() {
        return seen.stream().map(f -> f.path("type").asString("?") + (f.has("delta")
                ? "/" + f.path("delta").path("message_type").asString("?") : "")).toList();
    }

    @Override
    public void close() {
        socket.abort();
    }
}

package ai.letta.code.testkit.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.letta.code.testkit.script.LoopbackHttpServer;
import ai.letta.code.testkit.script.RecordedRequest;
import ai.letta.code.testkit.script.RequestJournal;
import ai.letta.code.testkit.script.WebSocketConnection;
import ai.letta.code.testkit.script.WebSocketEndpoint;
import ai.letta.code.testkit.script.WebSocketUpgrade;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.json.JsonMapper;

/** {@link WebSocketRelay} between the JDK's websocket client and a loopback websocket server. */
@Timeout(30)
class WebSocketRelayTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final AtomicReference<RecordedRequest> upgrade = new AtomicReference<>();
    private volatile int refuseWith;
    private LoopbackHttpServer server;
    private WebSocketRelay relay;

    @AfterEach
    void close() {
        if (relay != null) {
            relay.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** Echoes {@code echo:<text>}; {@code "close"} closes with 4001 "bye". */
    private void startServer() {
        server = LoopbackHttpServer.start("relay-test-server", new RequestJournal(), exchange -> {
        }, new WebSocketEndpoint() {
            @Override
            public boolean handles(String path) {
                return path.equals("/ws");
            }

            @Override
            public void upgrade(WebSocketUpgrade request) {
                upgrade.set(request.request());
                if (refuseWith != 0) {
                    request.refuse(refuseWith, JsonMapper.builder().build().createObjectNode().put("detail", "no"));
                    return;
                }
                request.accept(new WebSocketConnection.Listener() {
                    @Override
                    public void text(WebSocketConnection connection, String text) {
                        if (text.equals("close")) {
                            connection.close(4001, "bye");
                        } else {
                            connection.send("echo:" + text);
                        }
                    }

                    @Override
                    public void closed(WebSocketConnection connection, int code, String reason) {
                    }
                });
            }
        });
        relay = WebSocketRelay.start(URI.create("ws://127.0.0.1:" + server.port() + "/ws"));
    }

    @Test
    void framesPassBothWaysWithThePathQueryAndHeaders() throws Exception {
        startServer();
        Client client = Client.open(URI.create(relay.uri() + "?device=d1"), "Bearer secret-token");

        client.socket.sendText("hi", true).get(5, TimeUnit.SECONDS);

        assertThat(client.next()).isEqualTo("echo:hi");
        assertThat(upgrade.get().path()).isEqualTo("/ws");
        assertThat(upgrade.get().queryParameter("device")).contains("d1");
        assertThat(upgrade.get().header("Authorization")).contains("Bearer secret-token");
        assertThat(upgrade.get().header("Origin")).isEmpty();
        assertThat(relay.openConnections()).isEqualTo(1);
    }

    @Test
    void anInjectedFrameReachesTheClientAsIfTheServerSentIt() throws Exception {
        startServer();
        Client client = Client.open(relay.uri(), null);
        client.socket.sendText("before", true).get(5, TimeUnit.SECONDS);
        assertThat(client.next()).isEqualTo("echo:before");

        assertThat(relay.inject("{not json")).isTrue();
        assertThat(client.next()).isEqualTo("{not json");
        client.socket.sendText("after", true).get(5, TimeUnit.SECONDS);
        assertThat(client.next()).isEqualTo("echo:after");
    }

    @Test
    void theServersCloseCodeReachesTheClient() throws Exception {
        startServer();
        Client client = Client.open(relay.uri(), null);

        client.socket.sendText("close", true).get(5, TimeUnit.SECONDS);

        assertThat(client.closed.get(5, TimeUnit.SECONDS)).isEqualTo("4001 bye");
    }

    @Test
    void aRefusedUpgradeReachesTheClientWithTheServersStatus() {
        startServer();
        refuseWith = 401;

        Throwable thrown = catchThrowable(() -> Client.open(relay.uri(), "Bearer wrong"));

        assertThat(thrown).hasCauseInstanceOf(WebSocketHandshakeException.class);
        assertThat(((WebSocketHandshakeException) thrown.getCause()).getResponse().statusCode()).isEqualTo(401);
    }

    @Test
    void aServerThatDiesDropsTheClientAndLaterUpgradesAreRefused() throws Exception {
        startServer();
        Client client = Client.open(relay.uri(), null);

        server.close();

        assertThat(client.closed.get(5, TimeUnit.SECONDS)).isIn("1006 ", "error");
        Throwable reconnect = catchThrowable(() -> Client.open(relay.uri(), null));
        assertThat(reconnect).hasCauseInstanceOf(WebSocketHandshakeException.class);
        assertThat(((WebSocketHandshakeException) reconnect.getCause()).getResponse().statusCode()).isEqualTo(502);
        assertThat(relay.openConnections()).isZero();
    }

    private static final class Client implements WebSocket.Listener {
        final LinkedBlockingQueue<String> texts = new LinkedBlockingQueue<>();
        final CompletableFuture<String> closed = new CompletableFuture<>();
        final StringBuilder partial = new StringBuilder();
        WebSocket socket;

        static Client open(URI uri, String authorization) throws Exception {
            Client client = new Client();
            WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(WAIT);
            if (authorization != null) {
                builder.header("Authorization", authorization);
            }
            try {
                client.socket = builder.buildAsync(uri, client).get(5, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("upgrade failed", e.getCause());
            }
            return client;
        }

        String next() throws InterruptedException {
            String text = texts.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(text).as("a frame within %s", WAIT).isNotNull();
            return text;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                texts.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode + " " + reason);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete("error");
        }
    }
}

package ai.letta.code.transport.remote.internal;

import ai.letta.code.api.backend.BackendKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.exception.AgentNotFoundException;
import ai.letta.code.api.exception.SessionClosedException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The protocol-v2 client over a channel that is not a websocket: what transport-cloud's relay relies on. A scripted
 * in-memory peer answers the hello and one command; the client's requests, typed errors, reconnects and close run
 * through the {@link FrameChannel} seam alone.
 */
class FrameChannelSeamTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A peer in memory: answers {@code app_server_info} and {@code agent_retrieve} on the channel's event loop. */
    private final class ScriptedPeer implements FrameChannel {
        final FrameChannel.Listener listener;
        final io.netty.channel.EventLoop loop;
        final CompletableFuture<Void> gone = new CompletableFuture<>();

        ScriptedPeer(io.netty.channel.EventLoop loop, FrameChannel.Listener listener) {
            this.loop = loop;
            this.listener = listener;
        }

        @Override
        public void send(String text) {
            sent.add(text);
            JsonNode command = JSON.readTree(text);
            String id = command.path("request_id").asString();
            String reply = switch (command.path("type").asString()) {
                case "app_server_info" -> "{\"type\":\"app_server_info_response\",\"request_id\":\"" + id
                        + "\",\"protocol_version\":1,\"backend\":\"api\"}";
                case "agent_retrieve" -> command.path("agent_id").asString().equals("agent-1")
                        ? "{\"type\":\"agent_retrieve_response\",\"request_id\":\"" + id
                                + "\",\"success\":true,\"agent\":{\"id\":\"agent-1\",\"name\":\"seam\"}}"
                        : "{\"type\":\"agent_retrieve_response\",\"request_id\":\"" + id
                                + "\",\"success\":false,\"error\":\"Agent not found\"}";
                default -> null;
            };
            if (reply != null) {
                loop.execute(() -> listener.onText(reply));
            }
        }

        @Override
        public void close() {
            end(1000);
        }

        @Override
        public void abort() {
            end(ABNORMAL_CLOSURE);
        }

        void end(int code) {
            loop.execute(() -> {
                if (!gone.isDone()) {
                    listener.onClosed(code, null);
                    gone.complete(null); // gone once the connection has heard of it
                }
            });
        }

        @Override
        public boolean awaitClosed(Duration bound) {
            try {
                gone.get(bound.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                return true;
            } catch (Exception e) {
                return false;
            }
        }
    }

    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final List<ScriptedPeer> opened = new CopyOnWriteArrayList<>();
    private final AtomicInteger opens = new AtomicInteger();

    private ServerConnection connection() {
        FrameChannel.Opener opener = (group, listener) -> {
            opens.incrementAndGet();
            ScriptedPeer peer = new ScriptedPeer(group.next(), listener);
            opened.add(peer);
            return CompletableFuture.completedFuture(peer);
        };
        return new ServerConnection(new ProtocolEndpoint(BackendKind.REMOTE, "the scripted peer", opener, Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofSeconds(1), "try again"), new FrameCodec());
    }

    @Test
    void commandsAndTypedRefusalsTravelOverAnyFrameChannel() {
        try (ServerConnection connection = connection()) {
            ServerFrame answer = connection.call(Map.of("type", "agent_retrieve", "request_id", "r-1",
                    "agent_id", "agent-1"), "agent_retrieve_response");
            assertThat(answer.json().path("agent").path("name").asString()).isEqualTo("seam");
            assertThat(sent).first().asString().contains("app_server_info");
            assertThatThrownBy(() -> RemoteAgents.retrieve(connection, "agent-2"))
                    .isInstanceOf(AgentNotFoundException.class).hasMessageContaining("the scripted peer");
        }
    }

    @Test
    void aLostChannelIsOpenedAgainOnTheNextCallAndCloseEndsIt() {
        ServerConnection connection = connection();
        connection.call(Map.of("type", "agent_retrieve", "request_id", "r-1", "agent_id", "agent-1"),
                "agent_retrieve_response");
        opened.get(0).abort();
        assertThat(opened.get(0).awaitClosed(Duration.ofSeconds(1))).isTrue();
        ServerFrame again = connection.call(Map.of("type", "agent_retrieve", "request_id", "r-2",
                "agent_id", "agent-1"), "agent_retrieve_response");
        assertThat(again.succeeded()).isTrue();
        assertThat(opens).hasValue(2);
        connection.close();
        assertThat(opened.get(1).awaitClosed(Duration.ofSeconds(1))).isTrue();
        assertThatThrownBy(() -> connection.call(Map.of("type", "agent_retrieve", "request_id", "r-3",
                "agent_id", "agent-1"), "agent_retrieve_response")).isInstanceOf(SessionClosedException.class)
                .hasMessageContaining("the scripted peer");
    }
}

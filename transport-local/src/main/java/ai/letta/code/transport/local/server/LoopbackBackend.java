package ai.letta.code.transport.local.server;

import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.backend.LocalOptions;
import ai.letta.code.api.exception.TransportException;
import ai.letta.code.api.exception.TransportLostException;
import ai.letta.code.transport.local.process.LaunchSpec;
import ai.letta.code.transport.local.process.ProcessLauncher;
import ai.letta.code.transport.remote.internal.FrameCodec;
import ai.letta.code.transport.remote.internal.FrameWarmUp;
import ai.letta.code.transport.remote.internal.ProtocolEndpoint;
import ai.letta.code.transport.remote.internal.RemoteAgents;
import ai.letta.code.transport.remote.internal.RemoteBlocks;
import ai.letta.code.transport.remote.internal.RemoteConversations;
import ai.letta.code.transport.remote.internal.RemoteModels;
import ai.letta.code.transport.remote.internal.RemoteSessions;
import ai.letta.code.transport.remote.internal.ServerConnection;
import ai.letta.code.transport.remote.internal.WebSocketConnection;
import ai.letta.code.transport.remote.internal.WebSocketTarget;
import java.time.Duration;
import java.util.Map;

/**
 * A {@link LoopbackServer} and the remote backend's protocol client on it: one websocket, the ports over it. When
 * the server dies on its own, every session on it ends at once with a {@link TransportLostException} quoting its
 * exit (no reconnect can reach a dead process), and {@link #alive()} turns false.
 */
final class LoopbackBackend implements AutoCloseable {

    /** Pings on an idle socket: a server frozen (SIGSTOP) is found dead after three silent intervals. */
    private static final Duration PING_INTERVAL = Duration.ofSeconds(10);
    /** A loopback socket that drops while its server runs is re-opened for at most this long. */
    private static final Duration RECONNECT_BOUND = Duration.ofSeconds(5);
    private static final String RESUME_HINT = "resume the conversation with resumeSession: the client starts a new "
            + "app server";

    private final LoopbackServer server;
    private final ServerConnection connection;
    private final RemoteAgents agents;
    private final RemoteConversations conversations;
    private final RemoteBlocks blocks;
    private final RemoteModels models;
    private final RemoteSessions sessions;
    private volatile boolean alive = true;

    private LoopbackBackend(LoopbackServer server, ServerConnection connection) {
        this.server = server;
        this.connection = connection;
        this.blocks = new RemoteBlocks(connection);
        this.agents = new RemoteAgents(connection, blocks);
        this.conversations = new RemoteConversations(connection);
        this.models = new RemoteModels(connection);
        this.sessions = new RemoteSessions(connection);
    }

    /**
     * Starts a server and connects to it.
     *
     * @param options the client's options (timeouts, frame cap)
     * @param spec the programs and environment for {@code letta server}
     * @param launcher starts the process
     * @return the connected backend
     */
    static LoopbackBackend start(LocalOptions options, LaunchSpec spec, ProcessLauncher launcher) {
        FrameCodec codec = new FrameCodec();
        LoopbackServer server = LoopbackServer.start(launcher, spec, options.maxLineBytes(),
                options.startupTimeout(), () -> FrameWarmUp.run(codec));
        String description = server.toString();
        WebSocketTarget target = new WebSocketTarget(server.uri(), description,
                Map.of("Authorization", "Bearer " + server.token()), options.startupTimeout(),
                options.maxLineBytes(), "LocalOptions", "the app server refused the token this client started it "
                        + "with; report this as a bug", "", PING_INTERVAL);
        ProtocolEndpoint endpoint = new ProtocolEndpoint(BackendKind.LOCAL, description, (group, listener) -> WebSocketConnection.open(
                group, target, listener), options.startupTimeout(), options.requestTimeout(), RECONNECT_BOUND,
                RESUME_HINT);
        LoopbackBackend backend = new LoopbackBackend(server, new ServerConnection(endpoint, codec));
        server.exited().thenAccept(backend::lost);
        return backend;
    }

    /** @return whether its server still runs */
    boolean alive() {
        return alive;
    }

    RemoteAgents agents() {
        return agents;
    }

    RemoteConversations conversations() {
        return conversations;
    }

    RemoteBlocks blocks() {
        return blocks;
    }

    RemoteModels models() {
        return models;
    }

    RemoteSessions sessions() {
        return sessions;
    }

    /** Closes the socket, then stops the server. Idempotent. */
    @Override
    public void close() {
        alive = false;
        try {
            connection.close();
        } finally {
            server.close();
        }
    }

    /** On the server's stdout reader, never the socket's loop, as {@link ServerConnection#abandon} needs. */
    private void lost(TransportException gone) {
        alive = false;
        connection.abandon(new TransportLostException(gone.getMessage() + "; " + RESUME_HINT,
                gone.exitCode().isPresent() ? gone.exitCode().getAsInt() : null, gone.diagnosticTail().orElse(null),
                gone));
    }

    @Override
    public String toString() {
        return server.toString();
    }
}

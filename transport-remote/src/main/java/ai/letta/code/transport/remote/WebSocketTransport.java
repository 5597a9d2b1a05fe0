package ai.letta.code.transport.remote;

import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.backend.RemoteOptions;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.exception.SessionClosedException;
import ai.letta.code.api.port.AgentPort;
import ai.letta.code.api.port.BlockPort;
import ai.letta.code.api.port.ConversationPort;
import ai.letta.code.api.port.ModelPort;
import ai.letta.code.api.port.SessionPort;
import ai.letta.code.api.port.Transport;
import ai.letta.code.transport.remote.internal.AppServerUrl;
import ai.letta.code.transport.remote.internal.FrameCodec;
import ai.letta.code.transport.remote.internal.RemoteAgents;
import ai.letta.code.transport.remote.internal.RemoteBlocks;
import ai.letta.code.transport.remote.internal.RemoteConversations;
import ai.letta.code.transport.remote.internal.RemoteModels;
import ai.letta.code.transport.remote.internal.RemoteSessions;
import ai.letta.code.transport.remote.internal.ServerConnection;
import jakarta.inject.Inject;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The remote backend: a Letta Code app server ({@code letta server --listen ws://…}) over one Netty websocket,
 * protocol v2 (spec app-server-ws.md).
 *
 * <p><b>Lifecycle.</b> Constructing it starts nothing. The first port call connects (bearer token only in the
 * upgrade header, no {@code Origin}); every session of the client then shares that socket, each demultiplexed by
 * its runtime. A dropped socket fails the turns in flight with {@code stream_closed} at once and is re-established
 * with bounded backoff (up to {@link RemoteOptions#reconnectBound()}); past the bound the sessions are closed with
 * a {@link ai.letta.code.api.exception.TransportLostException}. {@link #close()} closes the socket and stops the
 * event-loop thread; it is idempotent.
 *
 * <p><b>Threading.</b> Thread-safe. One event-loop thread decodes frames and calls the sessions' sinks; it never runs
 * user code and never blocks. Port methods block their caller (cheap on a virtual thread) and must not be called
 * from a sink.
 *
 * <p><b>Failures.</b> A refused token is an {@link ai.letta.code.api.exception.AuthenticationException} naming the URL
 * (never the token); an unreachable server a {@link ai.letta.code.api.exception.TransportException}; a command the
 * server does not answer an {@link ai.letta.code.api.exception.OperationTimeoutException} naming the command. Fields
 * the server would silently drop are checked before sending ({@link ConfigurationException}).
 */
public final class WebSocketTransport implements Transport {

    private final RemoteOptions options;
    private final AppServerUrl url;
    private final ReentrantLock lock = new ReentrantLock();
    private Ports ports;
    private boolean closed;

    /** @param options the remote backend's options */
    @Inject
    public WebSocketTransport(RemoteOptions options) {
        this.options = ConfigurationException.requireNonNull(options, "RemoteOptions");
        this.url = AppServerUrl.of(options.url());
    }

    /** @return the websocket address this transport connects to (normalised; never credentials) */
    public AppServerUrl url() {
        return url;
    }

    @Override
    public BackendKind kind() {
        return BackendKind.REMOTE;
    }

    @Override
    public AgentPort agents() {
        return ports().agents;
    }

    @Override
    public ConversationPort conversations() {
        return ports().conversations;
    }

    @Override
    public BlockPort blocks() {
        return ports().blocks;
    }

    @Override
    public ModelPort models() {
        return ports().models;
    }

    @Override
    public SessionPort sessions() {
        return ports().sessions;
    }

    /** Closes the shared socket and stops the event loop. Idempotent. */
    @Override
    public void close() {
        Ports open;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            open = ports;
        } finally {
            lock.unlock();
        }
        if (open != null) {
            open.connection.close();
        }
    }

    private Ports ports() {
        lock.lock();
        try {
            if (closed) {
                throw new SessionClosedException("the remote client for " + url + " is closed");
            }
            if (ports == null) {
                ports = new Ports(new ServerConnection(options, new FrameCodec()));
            }
            return ports;
        } finally {
            lock.unlock();
        }
    }

    /** The ports over one connection, made on first use (the connection opens on its first command). */
    private static final class Ports {
        final ServerConnection connection;
        final RemoteBlocks blocks;
        final RemoteAgents agents;
        final RemoteConversations conversations;
        final RemoteModels models;
        final RemoteSessions sessions;

        Ports(ServerConnection connection) {
            this.connection = connection;
            this.blocks = new RemoteBlocks(connection);
            this.agents = new RemoteAgents(connection, blocks);
            this.conversations = new RemoteConversations(connection);
            this.models = new RemoteModels(connection);
            this.sessions = new RemoteSessions(connection);
        }
    }
}

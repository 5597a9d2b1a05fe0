package ai.letta.code.transport.remote;

import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.backend.RemoteOptions;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.core.spi.LazyTransport;
import ai.letta.code.internal.Checks;
import ai.letta.code.transport.remote.internal.AppServerUrl;
import ai.letta.code.transport.remote.internal.FrameCodec;
import ai.letta.code.transport.remote.internal.ProtocolEndpoint;
import ai.letta.code.transport.remote.internal.RemoteAgents;
import ai.letta.code.transport.remote.internal.RemoteBlocks;
import ai.letta.code.transport.remote.internal.RemoteConversations;
import ai.letta.code.transport.remote.internal.RemoteModels;
import ai.letta.code.transport.remote.internal.RemoteSessions;
import ai.letta.code.transport.remote.internal.ServerConnection;
import ai.letta.code.transport.remote.internal.WebSocketConnection;
import ai.letta.code.transport.remote.internal.WebSocketTarget;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Map;

/**
 * The remote backend: a Letta Code app server ({@code letta server --listen ws://…}) over one Netty websocket,
 * protocol v2 (spec app-server-ws.md).
 *
 * <p><b>Lifecycle.</b> Constructing it starts nothing. The first port call connects (bearer token only in the
 * upgrade header, no {@code Origin}); every session of the client then shares that socket, each demultiplexed by
 * its runtime. A conversation may be open in several sessions at once: the server runs their inputs one turn at a
 * time, and each session streams only its own turns (an {@code abort()} of one whose messages wait behind another
 * session's turn withdraws them rather than aborting that turn). {@link #close()} closes the socket and stops the
 * event-loop thread; it is idempotent.
 *
 * <p><b>Reconnects.</b> A dropped socket ends the turns in flight at once, each with an {@code ErrorEvent} and a
 * failed {@code Result} coded {@code stream_closed}. The socket is then re-established with bounded backoff (100 ms
 * doubling to 2 s, for up to {@link RemoteOptions#reconnectBound()}) and every session subscribes again
 * ({@code runtime_start} with {@code recover_approvals}); calls made meanwhile wait for that, and the next
 * {@code send} works. An approval the server still holds (it replays it to the new socket) is handed to the
 * engine's permission broker again unless a decision on it is still being made, and a decision is delivered to it
 * even if it was made while the socket was down; the server then goes on with that turn, whose events belong to no
 * stream. What a server keeps depends on it (verified with CLI 0.32.18): one that never noticed the drop keeps
 * every pending approval; a restarted one recovers only approvals of interactive tools ({@code AskUserQuestion})
 * from its history; one whose only subscriber left drops them. Past the bound, the sessions are closed with a
 * {@link ai.letta.code.api.exception.TransportLostException} that says to resume the conversation.
 *
 * <p><b>Threading.</b> Thread-safe. One event-loop thread decodes frames and calls the sessions' sinks; it never runs
 * user code and never blocks. Raw-command {@link ai.letta.code.api.command.ResponseMatcher}s run on a thread of
 * their own, so a slow matcher delays only other raw commands of this client. Port methods block their caller (cheap
 * on a virtual thread) and must not be called from a sink.
 *
 * <p><b>Failures and limits.</b> A refused token is an {@link ai.letta.code.api.exception.AuthenticationException}
 * naming the URL (never the token); an unreachable server a
 * {@link ai.letta.code.api.exception.TransportException}; a command the server does not answer an
 * {@link ai.letta.code.api.exception.OperationTimeoutException} naming the command. Fields the server would
 * silently drop are checked before sending ({@link ConfigurationException}); system prompt presets, which the
 * server has no way to take, are an {@link ai.letta.code.api.exception.UnsupportedFeatureException}. The server
 * ends an aborted turn only once its model stream yields or ends, so aborting a turn whose provider has gone silent
 * returns after the request timeout, and the conversation's next input waits until that provider answers or times
 * out. The app server's default conversation has no id of its own: sessions on it report the agent id.
 */
public final class WebSocketTransport extends LazyTransport {

    private final RemoteOptions options;
    private final AppServerUrl url;

    /** @param options the remote backend's options */
    @Inject
    public WebSocketTransport(RemoteOptions options) {
        this.options = Checks.requireNonNull(options, "RemoteOptions");
        this.url = AppServerUrl.of(options.url());
    }

    /**
     * @return the websocket address this transport connects to, normalised ({@code http} becomes {@code ws}, an
     *     empty path {@code /ws}) and as messages show it: without user info or query, so never a credential
     */
    public URI url() {
        return URI.create(url.toString());
    }

    @Override
    public BackendKind kind() {
        return BackendKind.REMOTE;
    }

    @Override
    protected String peer() {
        return "the app server at " + url;
    }

    /** The ports over one connection, which opens on its first command; closing the transport closes it. */
    @Override
    protected Ports open() {
        ServerConnection connection = new ServerConnection(endpoint(), new FrameCodec());
        RemoteBlocks blocks = new RemoteBlocks(connection);
        return new Ports(new RemoteAgents(connection, blocks), new RemoteConversations(connection), blocks,
                new RemoteModels(connection), new RemoteSessions(connection), connection);
    }

    /** The app server's websocket, with the remote backend's option names in its messages. */
    private ProtocolEndpoint endpoint() {
        String description = peer();
        WebSocketTarget target = new WebSocketTarget(url.uri(), description,
                options.authToken().map(t -> Map.of("Authorization", "Bearer " + t.reveal())).orElse(Map.of()),
                options.connectTimeout(), options.maxFrameBytes(), "RemoteOptions",
                "check RemoteOptions.authToken (LETTA_APP_SERVER_TOKEN) against the server's --ws-auth setting",
                " (is `letta server --listen` running there?)", options.pingInterval());
        return new ProtocolEndpoint(BackendKind.REMOTE, description, (group, listener) -> WebSocketConnection.open(group, target,
                listener), options.connectTimeout(), options.requestTimeout(), options.reconnectBound(),
                "resume the conversation with resumeSession once it is back");
    }
}

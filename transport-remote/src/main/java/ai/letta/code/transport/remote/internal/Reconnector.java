package ai.letta.code.transport.remote.internal;

import ai.letta.code.api.exception.AuthenticationException;
import ai.letta.code.api.exception.SessionClosedException;
import ai.letta.code.api.exception.TransportLostException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * What happens when the shared socket drops (spec §6.6). At once: waiting requests fail, and every session ends its
 * turn in flight ({@code stream_closed}). Then, if sessions are open, new sockets are tried with exponential backoff
 * (100 ms doubling to 2 s) until {@code RemoteOptions.reconnectBound} has passed since the drop; on success each
 * session subscribes again ({@code runtime_start} with {@code recover_approvals}), and callers blocked in
 * {@link ServerConnection#connected()} go on. Past the bound, or when the server refuses the token, the sessions are
 * closed with a {@link TransportLostException} that says how to resume; a later call connects afresh.
 *
 * <p>Runs on the event loop only.
 */
final class Reconnector {

    private static final long FIRST_BACKOFF_MS = 100;
    private static final long MAX_BACKOFF_MS = 2_000;

    private final ServerConnection connection;
    private boolean reconnecting;

    Reconnector(ServerConnection connection) {
        this.connection = connection;
    }

    /**
     * @param closeCode the websocket close code (1006 without a close frame)
     * @param cause why the socket failed, or {@code null}
     */
    void onLost(int closeCode, Throwable cause) {
        TransportLostException lost = connection.lost(closeCode, cause);
        connection.correlator().failAll(lost);
        if (connection.isClosed() || reconnecting) {
            return; // a socket opened by a reconnect attempt failed: that attempt's own failure path goes on
        }
        List<RuntimeSubscriber> sessions = connection.router().all();
        sessions.forEach(s -> s.onConnectionLost(lost));
        if (sessions.isEmpty() || cause instanceof AuthenticationException) {
            connection.replaceReady(null);
            sessions.forEach(s -> s.onGone(lost));
            return;
        }
        connection.replaceReady(new CompletableFuture<>());
        reconnecting = true;
        long deadline = System.nanoTime() + connection.endpoint().reconnectBound().toNanos();
        schedule(0, deadline, lost);
    }

    private void schedule(int attempt, long deadline, TransportLostException lastCause) {
        long delay = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS << Math.min(attempt, 10));
        connection.loop().schedule(() -> connection.connect().whenCompleteAsync((socket, error) -> {
            if (connection.isClosed()) {
                reconnecting = false;
                if (socket != null) {
                    socket.close();
                }
                return;
            }
            if (error == null) {
                reconnecting = false;
                CompletableFuture<FrameChannel> waiting =
                        connection.replaceReady(CompletableFuture.completedFuture(socket));
                connection.router().all().forEach(RuntimeSubscriber::onReconnected);
                if (waiting != null) {
                    waiting.complete(socket);
                }
                return;
            }
            Throwable cause = Waits.unwrap(error);
            // A refused key, or a peer gone for good (e.g. an expired sandbox), is not worth another attempt.
            if (cause instanceof AuthenticationException || cause instanceof SessionClosedException
                    || System.nanoTime() - deadline > 0) {
                giveUp(cause, lastCause);
            } else {
                schedule(attempt + 1, deadline, lastCause);
            }
        }, connection.loop()), delay, TimeUnit.MILLISECONDS);
    }

    private void giveUp(Throwable cause, TransportLostException lastCause) {
        reconnecting = false;
        TransportLostException gone = new TransportLostException(connection.peer()
                + " could not be reached again within " + connection.endpoint().reconnectBound().toMillis()
                + " ms (reconnectBound): " + cause.getMessage() + "; " + connection.endpoint().resumeHint(),
                lastCause.exitCode().isPresent() ? lastCause.exitCode().getAsInt() : null, null, cause);
        CompletableFuture<FrameChannel> waiting = connection.replaceReady(null);
        connection.router().all().forEach(s -> s.onGone(gone));
        if (waiting != null) {
            waiting.completeExceptionally(gone);
        }
    }
}

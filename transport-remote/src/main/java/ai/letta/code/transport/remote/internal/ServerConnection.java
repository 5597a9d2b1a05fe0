package ai.letta.code.transport.remote.internal;

import ai.letta.code.api.backend.RemoteOptions;
import ai.letta.code.api.exception.AuthenticationException;
import ai.letta.code.api.exception.MalformedFrameException;
import ai.letta.code.api.exception.SessionClosedException;
import ai.letta.code.api.exception.TransportLostException;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * The one websocket a client shares among its sessions (spec §6.8), with what lives on it: the request correlator,
 * the runtime router, and reconnection. It connects lazily, on the first call that needs the server, never in a
 * constructor or module. When the socket drops, waiting requests fail at once, every session ends its turn in
 * flight, and, if sessions are open, new sockets are tried with bounded exponential backoff until
 * {@link RemoteOptions#reconnectBound()}; each session then subscribes again. Past the bound the sessions are
 * closed with a {@link TransportLostException}; a later call connects afresh.
 *
 * <p>Everything that reacts to the socket runs on one event-loop thread, so a session's sink is never called
 * concurrently. Blocking calls ({@link #connected()}) run on caller threads only.
 */
public final class ServerConnection implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ServerConnection.class.getName());
    private static final long FIRST_BACKOFF_MS = 100;
    private static final long MAX_BACKOFF_MS = 2_000;

    private final RemoteOptions options;
    private final AppServerUrl url;
    private final FrameCodec codec;
    private final EventLoopGroup group;
    private final EventLoop loop;
    private final RequestCorrelator correlator;
    private final RuntimeRouter router = new RuntimeRouter();
    private final ReentrantLock lock = new ReentrantLock();
    private CompletableFuture<WebSocketConnection> ready;
    private volatile WebSocketConnection current;
    private volatile boolean closed;
    private volatile String backend;

    /**
     * @param options the remote backend's options
     * @param codec the frame codec
     */
    public ServerConnection(RemoteOptions options, FrameCodec codec) {
        this.options = options;
        this.url = AppServerUrl.of(options.url());
        this.codec = codec;
        // One thread: frames, timeouts and reconnects are serialised, and sinks are never called concurrently.
        this.group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("letta-remote", true),
                NioIoHandler.newFactory());
        this.loop = group.next();
        this.correlator = new RequestCorrelator(loop);
    }

    /** @return the normalised server address */
    public AppServerUrl url() {
        return url;
    }

    RemoteOptions options() {
        return options;
    }

    FrameCodec codec() {
        return codec;
    }

    EventLoop loop() {
        return loop;
    }

    RuntimeRouter router() {
        return router;
    }

    RequestCorrelator correlator() {
        return correlator;
    }

    /** @return {@code local} or {@code api} as the server reported it, once connected */
    String backend() {
        return backend;
    }

    /**
     * Returns the open socket, connecting (or waiting for a reconnect in progress) first. Blocks the caller.
     *
     * @return the socket
     * @throws ai.letta.code.api.exception.AuthenticationException if the server refuses the token
     * @throws ai.letta.code.api.exception.TransportException if it cannot be reached
     */
    WebSocketConnection connected() {
        if (loop.inEventLoop()) {
            throw new IllegalStateException("blocking call on the transport's event loop");
        }
        CompletableFuture<WebSocketConnection> future;
        lock.lock();
        try {
            if (closed) {
                throw new SessionClosedException("the remote client for " + url + " is closed");
            }
            if (ready == null || ready.isCompletedExceptionally()) {
                ready = connect();
            }
            future = ready;
        } finally {
            lock.unlock();
        }
        Duration bound = options.connectTimeout().plus(options.requestTimeout()).plus(options.reconnectBound());
        return Waits.await(future, bound, "connecting to the app server at " + url);
    }

    /**
     * Sends a command and returns the frame that answers it.
     *
     * @param command the command (with its {@code request_id})
     * @param name the command's type, for messages
     * @param matches which frame answers
     * @param timeout how long to wait
     * @return the pending answer
     */
    CompletableFuture<ServerFrame> request(Map<String, ?> command, String name, Predicate<ServerFrame> matches,
            Duration timeout) {
        String requestId = (String) command.get("request_id");
        CompletableFuture<ServerFrame> answer = correlator.expect(requestId, name, matches, timeout);
        WebSocketConnection socket = current;
        if (socket == null) {
            answer.completeExceptionally(lost(WebSocketConnection.ABNORMAL_CLOSURE, null));
        } else {
            socket.send(codec.encode(command));
        }
        return answer;
    }

    /**
     * Connects if needed, sends a command and waits for its response; a response with {@code success:false}
     * becomes a typed exception.
     *
     * @param command the command, with its {@code request_id}
     * @param responseType the type that answers it
     * @return the successful response
     */
    ServerFrame call(Map<String, ?> command, String responseType) {
        connected();
        String name = (String) command.get("type");
        Duration timeout = options.requestTimeout();
        ServerFrame frame = Waits.await(request(command, name, f -> f.type().equals(responseType), timeout),
                timeout.plusSeconds(1), "`" + name + "`");
        if (!frame.succeeded()) {
            throw ServerErrors.refused(name, frame.error(), url);
        }
        return frame;
    }

    /** @param command a command nobody waits an answer for */
    void send(Map<String, ?> command) {
        WebSocketConnection socket = current;
        if (socket == null) {
            throw lost(WebSocketConnection.ABNORMAL_CLOSURE, null);
        }
        socket.send(codec.encode(command));
    }

    private CompletableFuture<WebSocketConnection> connect() {
        return WebSocketConnection.open(group, url, options.authToken(), options.connectTimeout(),
                options.maxFrameBytes(), new Listener()).thenCompose(socket -> {
                    current = socket;
                    String id = correlator.nextRequestId("info");
                    return request(Map.of("type", "app_server_info", "request_id", id), "app_server_info",
                            f -> f.type().equals("app_server_info_response"), options.requestTimeout())
                            .thenApply(info -> {
                                backend = info.string("backend");
                                long version = Json.number(info.json(), "protocol_version", -1);
                                if (version != 1) {
                                    LOG.log(Level.WARNING, "app server at {0} speaks protocol_version {1}; this "
                                            + "client was written for 1", url, version);
                                }
                                return socket;
                            })
                            .whenComplete((ok, error) -> {
                                if (error != null) {
                                    socket.abort();
                                }
                            });
                });
    }

    /** Frames and closes of the current socket, on the event loop. */
    private final class Listener implements WebSocketConnection.Listener {
        @Override
        public void onText(String text) {
            ServerFrame frame;
            try {
                frame = codec.decode(text);
            } catch (MalformedFrameException e) {
                // The server ignores what it cannot parse; so do we: one bad frame must not end the sessions.
                LOG.log(Level.WARNING, e.getMessage());
                return;
            }
            try {
                router.route(frame);
                correlator.offer(frame);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not handle a frame of type " + frame.type() + ": " + e, e);
            }
        }

        @Override
        public void onClosed(int closeCode, Throwable cause) {
            connectionLost(closeCode, cause);
        }
    }

    private void connectionLost(int closeCode, Throwable cause) {
        current = null;
        TransportLostException lost = lost(closeCode, cause);
        correlator.failAll(lost);
        if (closed) {
            return;
        }
        var sessions = router.all();
        sessions.forEach(s -> s.onConnectionLost(lost));
        lock.lock();
        try {
            if (sessions.isEmpty() || cause instanceof AuthenticationException) {
                ready = null;
                sessions.forEach(s -> s.onGone(lost));
                return;
            }
            ready = new CompletableFuture<>();
        } finally {
            lock.unlock();
        }
        long deadline = System.nanoTime() + options.reconnectBound().toNanos();
        scheduleReconnect(0, deadline, lost);
    }

    private void scheduleReconnect(int attempt, long deadline, TransportLostException lastCause) {
        long delay = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS << Math.min(attempt, 10));
        loop.schedule(() -> connect().whenCompleteAsync((socket, error) -> {
            if (closed) {
                if (socket != null) {
                    socket.close();
                }
                return;
            }
            if (error == null) {
                CompletableFuture<WebSocketConnection> waiting = ready;
                router.all().forEach(RuntimeSubscriber::onReconnected);
                waiting.complete(socket);
                return;
            }
            Throwable cause = Waits.unwrap(error);
            boolean refused = cause instanceof AuthenticationException;
            if (refused || System.nanoTime() - deadline > 0) {
                giveUp(cause, lastCause);
            } else {
                scheduleReconnect(attempt + 1, deadline, lastCause);
            }
        }, loop), delay, TimeUnit.MILLISECONDS);
    }

    private void giveUp(Throwable cause, TransportLostException lastCause) {
        TransportLostException gone = new TransportLostException("the app server at " + url
                + " could not be reached again within " + options.reconnectBound().toMillis()
                + " ms (RemoteOptions.reconnectBound): " + cause.getMessage()
                + "; resume the conversation with resumeSession once it is back",
                lastCause.exitCode().isPresent() ? lastCause.exitCode().getAsInt() : null, null, cause);
        CompletableFuture<WebSocketConnection> waiting;
        lock.lock();
        try {
            waiting = ready;
            ready = null;
        } finally {
            lock.unlock();
        }
        router.all().forEach(s -> s.onGone(gone));
        if (waiting != null) {
            waiting.completeExceptionally(gone);
        }
    }

    private TransportLostException lost(int closeCode, Throwable cause) {
        String why = cause == null ? "" : ": " + cause.getMessage();
        return new TransportLostException("the connection to the app server at " + url + " was lost (close code "
                + closeCode + ")" + why, closeCode, null, cause);
    }

    /** Simulates a dropped socket (no close frame), for tests of the reconnect path. */
    void dropForTest() {
        WebSocketConnection socket = current;
        if (socket != null) {
            socket.abort();
        }
    }

    /**
     * Closes the socket (a normal close frame), fails waiting requests and stops the event loop. Sessions should be
     * closed first; any left are told they are gone. Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        WebSocketConnection socket = current;
        current = null;
        correlator.failAll(new SessionClosedException("the remote client for " + url + " was closed"));
        if (socket != null) {
            socket.close();
            socket.channel().closeFuture().awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
        if (!router.all().isEmpty()) {
            loop.execute(() -> router.all().forEach(s -> s.onGone(lost(1000, null))));
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}

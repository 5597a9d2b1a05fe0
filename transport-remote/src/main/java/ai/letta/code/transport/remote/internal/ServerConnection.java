package ai.letta.code.transport.remote.internal;

import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.command.ResponseMatcher;
import ai.letta.code.api.exception.IllegalUseException;
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
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * The one websocket a client shares among its sessions (spec §6.8), with what lives on it: the request correlator,
 * the runtime router, and the {@link Reconnector}. It connects lazily, on the first call that needs the server,
 * never in a constructor or module; each socket starts with {@code app_server_info} (the protocol version is checked).
 *
 * <p><b>Threads.</b> Everything that reacts to the socket runs on one event-loop thread, so a session's sink is never
 * called concurrently; the loop never runs user code. Raw-command matchers (user code) run on a separate thread that
 * exists only while one is needed. Blocking calls ({@link #connected()}, {@link #call}) run on caller threads only.
 */
public final class ServerConnection implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ServerConnection.class.getName());

    private final ProtocolEndpoint endpoint;
    private final FrameCodec codec;
    private final EventLoopGroup group;
    private final EventLoop loop;
    private final RequestCorrelator correlator;
    private final RuntimeRouter router = new RuntimeRouter();
    private final ThreadPoolExecutor matchers;
    private final Reconnector reconnector;
    private final ReentrantLock lock = new ReentrantLock();
    private CompletableFuture<FrameChannel> ready;
    private volatile FrameChannel current;
    private volatile boolean closed;
    private volatile String backend;

    /**
     * @param endpoint the peer: how its channel opens, its timeouts, its name in messages
     * @param codec the frame codec
     */
    public ServerConnection(ProtocolEndpoint endpoint, FrameCodec codec) {
        this.endpoint = endpoint;
        this.codec = codec;
        // One thread: frames, timeouts and reconnects are serialised, and sinks are never called concurrently.
        this.group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("letta-remote", true),
                NioIoHandler.newFactory());
        this.loop = group.next();
        this.correlator = new RequestCorrelator(loop, endpoint.description());
        this.matchers = new ThreadPoolExecutor(1, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                new DefaultThreadFactory("letta-remote-matcher", true));
        this.matchers.allowCoreThreadTimeOut(true);
        this.reconnector = new Reconnector(this);
    }

    /** @return the peer as messages name it, e.g. {@code the app server at ws://127.0.0.1:4500/ws} */
    public String peer() {
        return endpoint.description();
    }

    /** @return the backend the user chose, for messages and capability reports */
    public BackendKind backendKind() {
        return endpoint.backend();
    }

    ProtocolEndpoint endpoint() {
        return endpoint;
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
    FrameChannel connected() {
        if (loop.inEventLoop()) {
            throw new IllegalUseException("a blocking SDK call on the transport's event loop, which it would "
                    + "deadlock; call the session from your own thread, never from a ResponseMatcher");
        }
        CompletableFuture<FrameChannel> future;
        lock.lock();
        try {
            if (closed) {
                throw new SessionClosedException("the client for " + peer() + " is closed");
            }
            if (ready == null || ready.isCompletedExceptionally()) {
                ready = connect();
            }
            future = ready;
        } finally {
            lock.unlock();
        }
        Duration bound = endpoint.connectTimeout().plus(endpoint.requestTimeout()).plus(endpoint.reconnectBound());
        return Waits.await(future, bound, "connecting to " + peer());
    }

    /**
     * Sends a command and returns the frame that answers it.
     *
     * @param command the command (with its {@code request_id})
     * @param name the command's type, for messages
     * @param matches which frame answers (runs on the event loop: must be quick, never user code)
     * @param timeout how long to wait
     * @return the pending answer
     */
    CompletableFuture<ServerFrame> request(Map<String, ?> command, String name, Predicate<ServerFrame> matches,
            Duration timeout) {
        return write(command, correlator.expect((String) command.get("request_id"), name, matches, timeout));
    }

    /**
     * Sends a raw command and returns the first frame of its session (or a frame of no session, such as a response)
     * that the user's matcher accepts. The matcher runs off the event loop.
     *
     * @param command the command, with its {@code request_id}
     * @param key the session's runtime
     * @param matcher the user's matcher
     * @param timeout how long to wait
     * @return the pending answer
     */
    CompletableFuture<ServerFrame> requestRaw(Map<String, ?> command, RuntimeKey key, ResponseMatcher matcher,
            Duration timeout) {
        String requestId = (String) command.get("request_id");
        return write(command, correlator.expectOffLoop(requestId, (String) command.get("type"),
                frame -> frame.runtime() == null || frame.runtime().equals(key),
                frame -> matcher.matches(requestId, RawCommands.response(frame, codec)), matchers, timeout));
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
        return call(command, f -> f.type().equals(responseType));
    }

    /**
     * {@link #call(Map, String)} with its own matcher, e.g. one that collects the chunks of a chunked answer and
     * accepts the last.
     *
     * @param command the command, with its {@code request_id}
     * @param matches which frame of the command's request id answers (runs on the event loop: must be quick)
     * @return the successful response
     */
    ServerFrame call(Map<String, ?> command, Predicate<ServerFrame> matches) {
        connected();
        String name = (String) command.get("type");
        Duration timeout = endpoint.requestTimeout();
        ServerFrame frame = Waits.await(request(command, name, matches, timeout),
                timeout.plusSeconds(1), "`" + name + "`");
        if (!frame.succeeded()) {
            throw ServerErrors.refused(name, frame.error(), peer());
        }
        return frame;
    }

    /** @param command a command nobody waits an answer for */
    void send(Map<String, ?> command) {
        FrameChannel socket = current;
        if (socket == null) {
            throw lost(FrameChannel.ABNORMAL_CLOSURE, null);
        }
        socket.send(codec.encode(command));
    }

    private CompletableFuture<ServerFrame> write(Map<String, ?> command, CompletableFuture<ServerFrame> answer) {
        FrameChannel socket = current;
        if (socket == null) {
            answer.completeExceptionally(lost(FrameChannel.ABNORMAL_CLOSURE, null));
        } else {
            socket.send(codec.encode(command));
        }
        return answer;
    }

    /** Opens a channel and says hello ({@code app_server_info}); the stage completes on the event loop. */
    CompletableFuture<FrameChannel> connect() {
        return endpoint.opener().open(group, new FrameDispatcher(codec, router, correlator, () -> current = null,
                        reconnector)).thenCompose(socket -> {
                    current = socket;
                    String id = correlator.nextRequestId("info");
                    return request(Map.of("type", "app_server_info", "request_id", id), "app_server_info",
                            f -> f.type().equals("app_server_info_response"), endpoint.requestTimeout())
                            .thenApply(info -> {
                                backend = info.string("backend");
                                long version = Json.number(info.json(), "protocol_version", -1);
                                if (version != 1) {
                                    LOG.log(Level.WARNING, "{0} speaks protocol_version {1}; this client was "
                                            + "written for 1", peer(), version);
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

    /** @return whether {@link #close()} was called */
    boolean isClosed() {
        return closed;
    }

    /**
     * @param next what {@link #connected()} waits for from now on: a reconnect in progress, or {@code null} to
     *     connect afresh on the next call
     * @return what it waited for before
     */
    CompletableFuture<FrameChannel> replaceReady(CompletableFuture<FrameChannel> next) {
        lock.lock();
        try {
            CompletableFuture<FrameChannel> previous = ready;
            ready = next;
            return previous;
        } finally {
            lock.unlock();
        }
    }

    /**
     * @param closeCode the websocket close code
     * @param cause why, or {@code null}
     * @return the exception that failed requests and turns report
     */
    TransportLostException lost(int closeCode, Throwable cause) {
        String why = cause == null ? "" : ": " + cause.getMessage();
        return new TransportLostException("the connection to " + peer() + " was lost (close code "
                + closeCode + ")" + why, closeCode, null, cause);
    }

    /**
     * Ends every session on this connection with {@code cause} (each sees its turn fail and its sink closed), then
     * closes the connection: for a peer known to be gone for good, such as an expired sandbox. Not on the loop.
     *
     * @param cause why the peer is gone, with what to do about it
     */
    public void abandon(TransportLostException cause) {
        if (closed) {
            return;
        }
        Waits.runOnLoop(loop, () -> router.all().forEach(s -> s.onGone(cause)));
        close();
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
        FrameChannel socket = current;
        current = null;
        correlator.failAll(new SessionClosedException("the client for " + peer() + " was closed"));
        if (socket != null) {
            socket.close();
            socket.awaitClosed(Duration.ofSeconds(2));
        }
        if (!router.all().isEmpty()) {
            loop.execute(() -> router.all().forEach(s -> s.onGone(lost(1000, null))));
        }
        matchers.shutdownNow();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}

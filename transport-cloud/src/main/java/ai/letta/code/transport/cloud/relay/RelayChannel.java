package ai.letta.code.transport.cloud.relay;

import ai.letta.code.api.exception.TransportLostException;
import ai.letta.code.transport.remote.internal.FrameChannel;
import ai.letta.code.transport.remote.internal.WebSocketConnection;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;

/**
 * Letta Cloud's relay as one {@link FrameChannel} for the protocol-v2 client: two websockets to
 * {@code …/status/ws} ({@code channel=control} for commands and responses, {@code channel=stream} for events),
 * with the relay's duties done here so nothing above knows there is a relay (cloud.md §1.1, cloud-relay.md §5):
 * <ul>
 *   <li>every frame carrying a numeric {@code seq} is acknowledged ({@code {"type":"ack","seq":N}}) on its socket;</li>
 *   <li>an event whose {@code idempotency_key} was seen already (on the other socket, or before) is dropped, and so
 *       is a {@code stream_delta} mirrored to the control socket;</li>
 *   <li>the relay's {@code ping} is answered, its {@code pong}s are swallowed; both sockets send a {@code ping}
 *       every ping interval, and a socket silent for three intervals (websocket pings unanswered too) is dead;</li>
 *   <li>a control frame ({@code turn_finished}, {@code control_request}) that overtook events of the stream socket
 *       (both carry the listener's one {@code event_seq}) is held until the stream socket has delivered the events
 *       before it, or has moved past it, or {@value SocketOrder#HOLD_MS} ms have passed: the turn's last deltas must not arrive
 *       after its end;</li>
 *   <li>a gap in the listener's {@code event_seq} that does not close within {@value #GAP_GRACE_MS} ms triggers a
 *       {@code sync} (with approval recovery) at most every {@value #SYNC_INTERVAL_MS} ms: best effort, since the
 *       counter is shared by every conversation on the listener and gaps are mostly other conversations' events.</li>
 * </ul>
 * Commands all go out on the control socket. When either socket ends, the other is dropped and the listener is told
 * once, with the first socket's close code.
 *
 * <p>Event-loop confined, except {@link #send}, {@link #close}, {@link #abort} and {@link #awaitClosed}.
 */
public final class RelayChannel implements FrameChannel {

    static final long GAP_GRACE_MS = 500;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PING = JSON.writeValueAsString(Map.of("type", "ping"));
    private static final String PONG = JSON.writeValueAsString(Map.of("type", "pong"));
    static final long SYNC_INTERVAL_MS = 10_000;

    private final RelayAddress address;
    private final Listener listener;
    private final EventLoop loop;
    private final RecentKeys keys = new RecentKeys();
    private final EventGaps gaps = new EventGaps();
    private volatile FrameChannel control;
    private volatile FrameChannel stream;
    private ScheduledFuture<?> pings;
    private boolean gapCheckPending;
    private long lastSyncNanos = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(SYNC_INTERVAL_MS);
    private boolean ended;
    private final SocketOrder order;

    private RelayChannel(RelayAddress address, Listener listener, EventLoop loop) {
        this.address = address;
        this.listener = listener;
        this.loop = loop;
        this.order = new SocketOrder(gaps, listener::onText);
    }

    /**
     * Opens the control socket, then the stream socket.
     *
     * @param group the connection's event loop (one thread)
     * @param address the relay endpoint of the runtime
     * @param listener the protocol client
     * @return the relay, once both sockets are open; fails (and leaves nothing open) if either cannot open
     */
    public static CompletableFuture<FrameChannel> open(EventLoopGroup group, RelayAddress address,
            Listener listener) {
        RelayChannel relay = new RelayChannel(address, listener, group.next());
        return WebSocketConnection.open(group, address.target(RelayAddress.Channel.CONTROL), relay.socket(true))
                .thenCompose(control -> {
                    relay.control = control;
                    return WebSocketConnection.open(group, address.target(RelayAddress.Channel.STREAM),
                            relay.socket(false)).whenComplete((stream, error) -> {
                                if (error != null) {
                                    control.abort();
                                }
                            });
                })
                .thenApply(stream -> {
                    relay.stream = stream;
                    if (relay.ended) {
                        stream.abort(); // the control socket ended while the stream socket was opening
                        throw new TransportLostException(address.description() + " closed the control socket "
                                + "while the stream socket was opening", FrameChannel.ABNORMAL_CLOSURE, null, null);
                    }
                    relay.startPings();
                    return relay;
                });
    }

    /** @return the relay endpoint as messages name it */
    public RelayAddress address() {
        return address;
    }

    @Override
    public void send(String text) {
        control.send(text);
    }

    @Override
    public void close() {
        closeEach(false);
    }

    @Override
    public void abort() {
        closeEach(true);
    }

    @Override
    public boolean awaitClosed(Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        FrameChannel c = control;
        FrameChannel s = stream;
        boolean closed = c == null || c.awaitClosed(bound);
        return closed && (s == null || s.awaitClosed(Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))));
    }

    private void closeEach(boolean abort) {
        for (FrameChannel socket : new FrameChannel[] {control, stream}) {
            if (socket != null) {
                if (abort) {
                    socket.abort();
                } else {
                    socket.close();
                }
            }
        }
    }

    private Listener socket(boolean isControl) {
        return new Listener() {
            @Override
            public void onText(String text) {
                receive(isControl ? control : stream, isControl, text);
            }

            @Override
            public void onClosed(int closeCode, Throwable cause) {
                socketClosed(closeCode, cause);
            }
        };
    }

    private void receive(FrameChannel socket, boolean isControl, String text) {
        RelayEnvelope envelope = RelayEnvelope.peek(text);
        if (envelope.seq() >= 0 && socket != null) {
            socket.send(JSON.writeValueAsString(Map.of("type", "ack", "seq", envelope.seq())));
        }
        switch (envelope.type()) {
            case "pong" -> {
                return;
            }
            case "ping" -> {
                if (socket != null) {
                    socket.send(PONG);
                }
                return;
            }
            case "stream_delta" -> {
                if (isControl) {
                    return; // mirrored: the stream socket delivers it
                }
            }
            default -> {
            }
        }
        if (envelope.idempotencyKey() != null && !keys.firstSight(envelope.idempotencyKey())) {
            return;
        }
        if (envelope.eventSeq() >= 0) {
            gaps.seen(envelope.eventSeq());
            if (gaps.open() && !gapCheckPending) {
                gapCheckPending = true;
                loop.schedule(this::checkGap, GAP_GRACE_MS, TimeUnit.MILLISECONDS);
            }
        }
        long now = System.nanoTime();
        if (!isControl) {
            order.stream(text, envelope.eventSeq(), now);
        } else if (order.control(text, envelope.eventSeq(), now)) {
            loop.schedule(() -> order.release(System.nanoTime()), SocketOrder.HOLD_MS, TimeUnit.MILLISECONDS);
        }
    }

    private void checkGap() {
        gapCheckPending = false;
        if (ended || !gaps.open()) {
            return;
        }
        gaps.accept();
        long now = System.nanoTime();
        if (now - lastSyncNanos >= TimeUnit.MILLISECONDS.toNanos(SYNC_INTERVAL_MS)) {
            lastSyncNanos = now;
            send(JSON.writeValueAsString(Map.of("type", "sync", "runtime", Map.of("agent_id", address.agentId(),
                    "conversation_id", address.conversationId()), "recover_approvals", true,
                    "force_device_status", true)));
        }
    }

    private void startPings() {
        long every = address.options().pingInterval().toMillis();
        pings = loop.scheduleAtFixedRate(() -> {
            for (FrameChannel socket : new FrameChannel[] {control, stream}) {
                socket.send(PING);
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    private void socketClosed(int closeCode, Throwable cause) {
        if (ended) {
            return;
        }
        ended = true;
        if (pings != null) {
            pings.cancel(false);
        }
        abort();
        if (control != null && stream != null) {
            order.flush();
            listener.onClosed(closeCode, cause); // before both were open, the open future reports the failure
        }
    }
}

package ai.letta.code.testkit.fakecloud;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import ai.letta.code.testkit.script.WebSocketConnection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The relay rules of cloud-relay.md §5 (all "(fake)": the real Cloud's are unknown).
 *
 * <ol>
 *   <li>SDK {@code ping} → {@code pong} on that socket; SDK {@code ack} → swallowed, its seq no longer unacked.</li>
 *   <li>Anything else from an SDK socket → the listener's control socket, verbatim, except that a {@code runtime}
 *       object gains {@code acting_user_id} when configured. Dropped while the listener is offline.</li>
 *   <li>A listener frame goes to the SDK client that sent its {@code request_id}; else, with a {@code runtime}, to
 *       the clients whose agent and conversation match; else to every client of the connection. A client is the
 *       sockets sharing one agent and conversation.</li>
 *   <li>Within those, by frame type (not by listener socket): stream types to {@code channel=stream}, the rest to
 *       {@code channel=control} (plus stream types when mirroring); a channel-less socket gets everything.</li>
 *   <li>With seq on, each SDK socket numbers what it gets (1, 2, ...). No buffering: frames for nobody are lost.</li>
 * </ol>
 *
 * <p>Listener {@code ping}s are answered with {@code pong} unless pongs are stopped. Runs on the event loop.
 */
final class Relay {

    /** What the listener sends on its stream socket (cloud-relay.md §3). */
    static final Set<String> STREAM_TYPES = Set.of("stream_delta", "update_device_status", "update_loop_status",
            "update_queue", "update_subagent_state");

    private static final String PONG = "{\"type\":\"pong\"}";

    private final EnvironmentRegistry registry;
    private final RelayOptions options;
    private final CloudFaults faults;
    private final FrameLog log;

    Relay(EnvironmentRegistry registry, RelayOptions options, CloudFaults faults, FrameLog log) {
        this.registry = registry;
        this.options = options;
        this.faults = faults;
        this.log = log;
    }

    /** A frame from one of the listener's sockets. */
    void fromListener(ListenerConnection connection, String channel, WebSocketConnection from, String text) {
        Optional<ObjectNode> parsed = CloudWire.object(text);
        String type = parsed.map(frame -> frame.path("type").asString("")).orElse("");
        synchronized (registry) {
            if (type.equals("ping")) {
                connection.device.lastHeartbeat = Instant.now();
                connection.device.lastSeenAt = connection.device.lastHeartbeat;
                if (!faults.pongsStopped()) {
                    from.send(PONG);
                }
                log.add(RelayedFrame.From.LISTENER, connection.id, channel, text, 0);
                return;
            }
            List<SdkSocket> recipients = new ArrayList<>();
            if (parsed.isPresent()) {
                boolean streamType = STREAM_TYPES.contains(type);
                for (SdkSocket target : targets(connection, parsed.get())) {
                    if (target.wants(streamType, options.mirrorToControl()) && target.socket.isOpen()) {
                        recipients.add(target);
                    }
                }
            }
            // Logged before sending, so a frame an SDK socket got is always in the log already.
            log.add(RelayedFrame.From.LISTENER, connection.id, channel, text, recipients.size());
            recipients.forEach(target -> target.deliver(parsed.get(), options.seq()));
        }
    }

    /** A frame from an SDK socket. */
    void fromSdk(SdkSocket from, String text) {
        Optional<ObjectNode> parsed = CloudWire.object(text);
        String type = parsed.map(frame -> frame.path("type").asString("")).orElse("");
        synchronized (registry) {
            if (type.equals("ping")) {
                from.socket.send(PONG);
                log.add(RelayedFrame.From.SDK, from.connection.id, from.channel, text, 0);
                return;
            }
            if (type.equals("ack")) {
                from.ack(parsed.get().path("seq").asLong(-1));
                log.add(RelayedFrame.From.SDK, from.connection.id, from.channel, text, 0);
                return;
            }
            String forwarded = text;
            if (parsed.isPresent()) {
                ObjectNode frame = parsed.get();
                String requestId = frame.path("request_id").asString("");
                if (!requestId.isEmpty()) {
                    from.connection.requestOwners.put(requestId, from);
                }
                if (options.actingUserId() != null && frame.get("runtime") instanceof ObjectNode runtime) {
                    runtime.put("acting_user_id", options.actingUserId());
                    forwarded = frame.toString();
                }
            }
            log.add(RelayedFrame.From.SDK, from.connection.id, from.channel, text,
                    from.connection.controlOpen() ? 1 : 0);
            toListener(from.connection, forwarded);
        }
    }

    /** Sends a frame to the connection's control socket; false when it is not open. */
    boolean toListener(ListenerConnection connection, String text) {
        synchronized (registry) {
            if (!connection.controlOpen()) {
                return false;
            }
            connection.control.send(text);
            return true;
        }
    }

    private static List<SdkSocket> targets(ListenerConnection connection, JsonNode frame) {
        SdkSocket owner = connection.requestOwners.get(frame.path("request_id").asString(""));
        List<SdkSocket> targets = new ArrayList<>();
        for (SdkSocket socket : connection.sdkSockets) {
            if (owner != null ? socket.sameClient(owner)
                    : !frame.path("runtime").isObject() || socket.matches(frame.path("runtime"))) {
                targets.add(socket);
            }
        }
        return targets;
    }
}

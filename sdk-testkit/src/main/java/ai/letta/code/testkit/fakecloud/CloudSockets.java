package ai.letta.code.testkit.fakecloud;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.letta.code.testkit.script.RecordedRequest;
import ai.letta.code.testkit.script.WebSocketConnection;
import ai.letta.code.testkit.script.WebSocketEndpoint;
import ai.letta.code.testkit.script.WebSocketUpgrade;

/**
 * The fake cloud's two websocket endpoints: the listener's ({@code wsUrl}, cloud-relay.md §3) and the SDK's
 * ({@code /v1/environments/{connectionId}/status/ws}, §5). Runs on the event loop.
 *
 * <p>Listener upgrades need the Bearer key (else 401). One for a connection id that is unknown or superseded is
 * accepted and closed with 1008 "Environment not found", which makes a real listener register again. In paired
 * mode each listener socket gets {@code listener_ready} echoing its generation and attempt.
 *
 * <p>SDK upgrades need the key as a Bearer header or a {@code token} query (else 401); an unknown or superseded
 * connection id is refused with 404 {@code environment_not_found}; while refused by a fault, 503.
 */
final class CloudSockets implements WebSocketEndpoint {

    private static final Pattern LISTENER = Pattern.compile("^/v1/environments/([^/]+)/listener/ws/?$");
    private static final Pattern SDK = Pattern.compile("^/v1/environments/([^/]+)/status/ws/?$");
    static final int NOT_FOUND_CODE = 1008;
    /** How long a listener may be away before its SDK sockets are closed. */
    static final Duration LISTENER_GRACE = Duration.ofSeconds(1);
    static final int LISTENER_OFFLINE_CODE = 1011;
    static final String LISTENER_OFFLINE_REASON = "Environment listener is offline";
    static final String NOT_FOUND_REASON = "Environment not found";

    private final EnvironmentRegistry registry;
    private final Relay relay;
    private final CloudFaults faults;
    private final ApiKeyCheck keys;

    CloudSockets(EnvironmentRegistry registry, Relay relay, CloudFaults faults, ApiKeyCheck keys) {
        this.registry = registry;
        this.relay = relay;
        this.faults = faults;
        this.keys = keys;
    }

    /** The listener socket URL for a connection, as the register response's {@code wsUrl}. */
    static String listenerPath(String connectionId) {
        return "/v1/environments/" + connectionId + "/listener/ws";
    }

    @Override
    public boolean handles(String path) {
        return LISTENER.matcher(path).matches() || SDK.matcher(path).matches();
    }

    @Override
    public void upgrade(WebSocketUpgrade upgrade) {
        String path = upgrade.request().path();
        Matcher listener = LISTENER.matcher(path);
        Matcher sdk = SDK.matcher(path);
        if (listener.matches()) {
            listener(upgrade, listener.group(1));
        } else if (sdk.matches()) {
            sdk(upgrade, sdk.group(1));
        }
    }

    private void listener(WebSocketUpgrade upgrade, String connectionId) {
        RecordedRequest request = upgrade.request();
        if (!keys.bearer(request)) {
            upgrade.refuse(401, CloudWire.error("unauthorized", "Invalid API key"));
            return;
        }
        int rejection = faults.takeListenerUpgradeRejection();
        if (rejection != 0) {
            upgrade.refuse(rejection, CloudWire.error("fake_failure", "fake listener upgrade failure " + rejection));
            return;
        }
        Optional<ListenerConnection> found = registry.current(connectionId);
        if (found.isEmpty()) {
            upgrade.accept(ignoring()).close(NOT_FOUND_CODE, NOT_FOUND_REASON);
            return;
        }
        ListenerConnection connection = found.get();
        String channel = request.queryParameter("channel").orElse(null);
        synchronized (registry) {
            WebSocketConnection socket = upgrade.accept(new WebSocketConnection.Listener() {
                @Override
                public void text(WebSocketConnection from, String text) {
                    relay.fromListener(connection, channel, from, text);
                }

                @Override
                public void closed(WebSocketConnection from, int code, String reason) {
                    synchronized (registry) {
                        if (connection.control == from) {
                            connection.control = null;
                            from.schedule(LISTENER_GRACE, () -> offline(connection));
                        }
                        if (connection.stream == from) {
                            connection.stream = null;
                        }
                        connection.device.lastSeenAt = Instant.now();
                    }
                }
            });
            if ("stream".equals(channel)) {
                connection.stream = socket;
            } else {
                connection.control = socket;
                connection.device.connectedAt = Instant.now();
                connection.device.lastHeartbeat = connection.device.connectedAt;
            }
            if (connection.mode.paired()) {
                socket.send(listenerReady(request));
            }
        }
    }

    /**
     * A listener whose control socket stayed closed past the grace (killed, or gone for good) takes its SDK
     * sockets with it: 1011, so SDKs notice at once and look the device up again. A listener that reconnects within
     * the grace (after a 1011 from the relay it does so in milliseconds) keeps them. Fake: real Cloud's choice is
     * unknown (cloud-relay.md §14).
     */
    private void offline(ListenerConnection connection) {
        List<SdkSocket> orphans;
        synchronized (registry) {
            if (connection.control != null) {
                return;
            }
            orphans = new ArrayList<>(connection.sdkSockets);
        }
        orphans.forEach(sdk -> sdk.socket.close(LISTENER_OFFLINE_CODE, LISTENER_OFFLINE_REASON));
    }

    private static String listenerReady(RecordedRequest request) {
        String attempt = request.queryParameter("connectionAttempt").orElse("");
        var ready = CloudWire.JSON.createObjectNode().put("type", "listener_ready")
                .put("connection_generation", request.queryParameter("connectionGeneration").orElse(""));
        try {
            ready.put("connection_attempt", Integer.parseInt(attempt));
        } catch (NumberFormatException e) {
            ready.put("connection_attempt", attempt);
        }
        return ready.toString();
    }

    private void sdk(WebSocketUpgrade upgrade, String connectionId) {
        RecordedRequest request = upgrade.request();
        if (!keys.bearerOrToken(request)) {
            upgrade.refuse(401, CloudWire.error("unauthorized", "Invalid API key"));
            return;
        }
        if (faults.sdkSocketsRefused()) {
            upgrade.refuse(503, CloudWire.error("service_unavailable", "SDK sockets are refused (fake fault)"));
            return;
        }
        Optional<ListenerConnection> found = registry.current(connectionId);
        if (found.isEmpty()) {
            upgrade.refuse(404, CloudWire.error("environment_not_found", NOT_FOUND_REASON));
            return;
        }
        ListenerConnection connection = found.get();
        AtomicReference<SdkSocket> self = new AtomicReference<>();
        synchronized (registry) {
            WebSocketConnection socket = upgrade.accept(new WebSocketConnection.Listener() {
                @Override
                public void text(WebSocketConnection from, String text) {
                    relay.fromSdk(self.get(), text);
                }

                @Override
                public void closed(WebSocketConnection from, int code, String reason) {
                    synchronized (registry) {
                        connection.sdkSockets.remove(self.get());
                    }
                }
            });
            // Frames arrive on this same event-loop thread, so none can come before self is set.
            self.set(new SdkSocket(connection, socket, request.queryParameter("agentId").orElse(null),
                    request.queryParameter("conversationId").orElse(null),
                    request.queryParameter("channel").orElse(null)));
            connection.sdkSockets.add(self.get());
        }
    }

    private static WebSocketConnection.Listener ignoring() {
        return new WebSocketConnection.Listener() {
            @Override
            public void text(WebSocketConnection connection, String text) {
            }

            @Override
            public void closed(WebSocketConnection connection, int code, String reason) {
            }
        };
    }
}

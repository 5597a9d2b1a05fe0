package ai.letta.code.testkit.fakecloud;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * Every device that registered and every connection id handed out. Its monitor guards all relay state (devices,
 * connections, SDK sockets); holders only do non-blocking socket writes.
 */
final class EnvironmentRegistry {

    /** Close code and reason a listener treats as terminal (cloud-relay.md §8). */
    static final int REPLACED_CODE = 1000;
    static final String REPLACED_REASON = "Replaced by new connection";
    /** What SDK sockets of a superseded connection get (fake: real Cloud's choice is unknown). */
    static final int SDK_GONE_CODE = 1001;
    static final String SDK_GONE_REASON = "Environment re-registered under a new connectionId";

    private final Map<String, Device> devices = new LinkedHashMap<>();
    private final Map<String, ListenerConnection> connections = new HashMap<>();

    /**
     * A new connection for {@code deviceId}. The device's previous one stops being current: its listener sockets,
     * if still open (a second process with the same device id), get 1000 "Replaced by new connection", and its
     * SDK sockets 1001, so SDKs look the device up again.
     */
    synchronized ListenerConnection register(String deviceId, String connectionName, JsonNode metadata,
            SocketMode mode) {
        Device device = devices.computeIfAbsent(deviceId, Device::new);
        device.connectionName = connectionName;
        device.metadata = metadata;
        device.lastSeenAt = Instant.now();
        device.registrations++;
        ListenerConnection previous = device.current;
        if (previous != null) {
            previous.current = false;
            previous.listenerSockets().forEach(socket -> socket.close(REPLACED_CODE, REPLACED_REASON));
            previous.sdkSockets.forEach(sdk -> sdk.socket.close(SDK_GONE_CODE, SDK_GONE_REASON));
        }
        ListenerConnection connection = new ListenerConnection("conn-" + UUID.randomUUID(), device, mode);
        connections.put(connection.id, connection);
        device.current = connection;
        return connection;
    }

    /** A connection id that is still its device's latest. */
    synchronized Optional<ListenerConnection> current(String connectionId) {
        ListenerConnection connection = connections.get(connectionId);
        return connection != null && connection.current ? Optional.of(connection) : Optional.empty();
    }

    synchronized Optional<Device> device(String deviceId) {
        return Optional.ofNullable(devices.get(deviceId));
    }

    synchronized boolean online(String deviceId) {
        Device device = devices.get(deviceId);
        return device != null && device.online();
    }

    synchronized Optional<Environment> environment(String deviceId) {
        return device(deviceId).map(Device::snapshot);
    }

    synchronized List<Environment> environments() {
        return devices.values().stream().map(Device::snapshot).toList();
    }

    /** Every open SDK socket, on any connection. */
    synchronized List<SdkSocket> sdkSockets() {
        List<SdkSocket> all = new ArrayList<>();
        connections.values().forEach(connection -> all.addAll(connection.sdkSockets));
        return all;
    }
}

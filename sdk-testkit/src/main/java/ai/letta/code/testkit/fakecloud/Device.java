package ai.letta.code.testkit.fakecloud;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/** One registered device and its latest connection; guarded by the {@link EnvironmentRegistry}'s lock. */
final class Device {

    final String id = "env-" + UUID.randomUUID();
    final String deviceId;
    final Instant firstSeenAt = Instant.now();
    String connectionName;
    JsonNode metadata;
    Instant lastSeenAt = firstSeenAt;
    Instant connectedAt;
    Instant lastHeartbeat;
    int registrations;
    ListenerConnection current;

    Device(String deviceId) {
        this.deviceId = deviceId;
    }

    boolean online() {
        return current != null && current.controlOpen();
    }

    Environment snapshot() {
        return new Environment(id, deviceId, connectionName, online() ? current.id : null, firstSeenAt, lastSeenAt,
                connectedAt, lastHeartbeat, registrations, metadata);
    }
}

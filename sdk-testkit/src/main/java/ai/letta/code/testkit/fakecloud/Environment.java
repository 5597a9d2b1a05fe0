package ai.letta.code.testkit.fakecloud;

import java.time.Instant;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * A snapshot of one registered device, as {@code GET /v1/environments/{deviceId}} reports it.
 *
 * @param connectionId  the latest registration's id, null when its control socket is not open
 * @param registrations how many times the device registered (each gives a new connection id)
 * @param metadata      the register body's {@code metadata}
 */
public record Environment(String id, String deviceId, String connectionName, String connectionId,
        Instant firstSeenAt, Instant lastSeenAt, Instant connectedAt, Instant lastHeartbeat, int registrations,
        JsonNode metadata) {

    /** @return whether its control socket is open */
    public boolean online() {
        return connectionId != null;
    }

    /** @return the connection id when online */
    public Optional<String> currentConnectionId() {
        return Optional.ofNullable(connectionId);
    }
}

package ai.letta.code.transport.cloud.rest;

import java.time.Instant;
import java.util.Optional;

/**
 * A machine registered with Letta Cloud ({@code letta server} on a user's computer, or a managed sandbox's
 * listener), as {@code GET /v1/environments} lists it. A session's relay needs its {@code connectionId}, which
 * Letta Cloud assigns while the machine is connected and clears when it goes offline.
 *
 * @param id the environment's id
 * @param connectionId the live connection's id, or {@code null} while offline
 * @param deviceId the device id the machine registered with
 * @param connectionName the name it registered under (the {@code environment} option matches it)
 * @param currentMode its permission mode as last reported, or {@code null}
 * @param lastSeenAt when it was last heard from, or {@code null}
 */
public record CloudEnvironment(String id, String connectionId, String deviceId, String connectionName,
        String currentMode, Instant lastSeenAt) {

    /** @return whether it can be reached now */
    public boolean online() {
        return connectionId != null && !connectionId.isBlank();
    }

    /** @return the connection id, when online */
    public Optional<String> connection() {
        return online() ? Optional.of(connectionId) : Optional.empty();
    }
}

package ai.letta.code.api.message;

import ai.letta.code.api.event.StopReason;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A run of an agent ({@code Run}): what {@link Messages#sendAsync} starts and {@link Messages#run} polls. Its
 * {@link #status()} is the server's ({@code created}, {@code running}, {@code completed}, {@code failed},
 * {@code cancelled}; kept as sent, so a newer server's status never fails a caller). Immutable.
 */
public final class RunInfo {
    private final String id;
    private final String status;
    private final String agentId;
    private final String conversationId;
    private final StopReason stopReason;
    private final Instant createdAt;
    private final Instant completedAt;
    private final Map<String, Object> extras;

    /**
     * For transports, which decode it from their peer.
     *
     * @param id the run id, {@code run-…}
     * @param status the server's status; {@code null} reads as {@code created}
     * @param agentId the agent it runs, or {@code null}
     * @param conversationId its conversation, or {@code null}
     * @param stopReason why it stopped, or {@code null} while it runs
     * @param createdAt when it was created, or {@code null}
     * @param completedAt when it ended, or {@code null}
     * @param extras the JSON fields the SDK does not model, as plain Java values
     */
    public RunInfo(String id, String status, String agentId, String conversationId, StopReason stopReason,
            Instant createdAt, Instant completedAt, Map<String, Object> extras) {
        this.id = Objects.requireNonNull(id, "id");
        this.status = status == null || status.isBlank() ? "created" : status;
        this.agentId = agentId;
        this.conversationId = conversationId;
        this.stopReason = stopReason;
        this.createdAt = createdAt;
        this.completedAt = completedAt;
        this.extras = extras == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    }

    /** @return the run id */
    public String id() {
        return id;
    }

    /** @return the server's status, e.g. {@code running} or {@code completed} */
    public String status() {
        return status;
    }

    /** @return whether the run has ended: {@code completed}, {@code failed} or {@code cancelled} */
    public boolean done() {
        return status.equals("completed") || status.equals("failed") || status.equals("cancelled");
    }

    /** @return the agent it runs, if the server said */
    public Optional<String> agentId() {
        return Optional.ofNullable(agentId);
    }

    /** @return its conversation, if any */
    public Optional<String> conversationId() {
        return Optional.ofNullable(conversationId);
    }

    /** @return why it stopped, once it has */
    public Optional<StopReason> stopReason() {
        return Optional.ofNullable(stopReason);
    }

    /** @return when it was created, if the server said */
    public Optional<Instant> createdAt() {
        return Optional.ofNullable(createdAt);
    }

    /** @return when it ended, once it has */
    public Optional<Instant> completedAt() {
        return Optional.ofNullable(completedAt);
    }

    /** @return the JSON fields the SDK does not model (e.g. {@code metadata}, {@code request_config}) */
    public Map<String, Object> extras() {
        return extras;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RunInfo o && id.equals(o.id) && status.equals(o.status)
                && Objects.equals(agentId, o.agentId) && Objects.equals(conversationId, o.conversationId)
                && Objects.equals(stopReason, o.stopReason) && Objects.equals(createdAt, o.createdAt)
                && Objects.equals(completedAt, o.completedAt) && extras.equals(o.extras);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, status, agentId, conversationId, stopReason, createdAt, completedAt, extras);
    }

    @Override
    public String toString() {
        return "RunInfo[id=" + id + ", status=" + status + ", agentId=" + agentId + ", conversationId="
                + conversationId + ", stopReason=" + stopReason + ", createdAt=" + createdAt + ", completedAt="
                + completedAt + "]";
    }
}

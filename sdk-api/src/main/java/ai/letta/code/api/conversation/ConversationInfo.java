package ai.letta.code.api.conversation;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A conversation: one thread of messages with an agent. An agent has many; its {@code default} conversation is
 * what {@code resumeSession(agentId)} opens. Immutable; {@link #extras()} keeps the fields of the server's
 * {@code Conversation} this SDK does not model.
 */
public final class ConversationInfo {
    private final String id;
    private final String agentId;
    private final String summary;
    private final Instant createdAt;
    private final String model;
    private final Instant lastMessageAt;
    private final Map<String, Object> extras;

    /**
     * For transports, which decode it from their peer.
     *
     * @param id the conversation id (never the {@code default} alias where the backend resolves it)
     * @param agentId the agent it belongs to
     * @param summary the backend's summary, or {@code null}
     * @param createdAt when it was created, or {@code null}
     */
    public ConversationInfo(String id, String agentId, String summary, Instant createdAt) {
        this(id, agentId, summary, createdAt, null, null, null);
    }

    /**
     * For transports, which decode it from their peer.
     *
     * @param id the conversation id (never the {@code default} alias where the backend resolves it)
     * @param agentId the agent it belongs to
     * @param summary the backend's summary, or {@code null}
     * @param createdAt when it was created, or {@code null}
     * @param model the model handle it uses instead of the agent's, or {@code null}
     * @param lastMessageAt when its last message was written, or {@code null}
     * @param extras the server's fields this SDK does not model ({@code null} for none)
     */
    public ConversationInfo(String id, String agentId, String summary, Instant createdAt, String model,
            Instant lastMessageAt, Map<String, Object> extras) {
        this.id = id;
        this.agentId = agentId;
        this.summary = summary;
        this.createdAt = createdAt;
        this.model = model;
        this.lastMessageAt = lastMessageAt;
        // Map.copyOf refuses the nulls JSON carries.
        this.extras = extras == null || extras.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    }

    /** @return the conversation id (never the {@code default} alias where the backend resolves it) */
    public String id() {
        return id;
    }

    /** @return the agent it belongs to */
    public String agentId() {
        return agentId;
    }

    /** @return the backend's summary, if any */
    public Optional<String> summary() {
        return Optional.ofNullable(summary);
    }

    /** @return when it was created, if any */
    public Optional<Instant> createdAt() {
        return Optional.ofNullable(createdAt);
    }

    /** @return the model handle it uses instead of the agent's, if any */
    public Optional<String> model() {
        return Optional.ofNullable(model);
    }

    /** @return when its last message was written, if known */
    public Optional<Instant> lastMessageAt() {
        return Optional.ofNullable(lastMessageAt);
    }

    /** @return the server's fields this SDK does not model, as plain Java values (JSON nulls kept as {@code null}) */
    public Map<String, Object> extras() {
        return extras;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConversationInfo o && Objects.equals(id, o.id) && Objects.equals(agentId, o.agentId)
                && Objects.equals(summary, o.summary) && Objects.equals(createdAt, o.createdAt)
                && Objects.equals(model, o.model) && Objects.equals(lastMessageAt, o.lastMessageAt)
                && extras.equals(o.extras);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, agentId, summary, createdAt, model, lastMessageAt, extras);
    }

    @Override
    public String toString() {
        return "ConversationInfo[id=" + id + ", agentId=" + agentId + ", summary=" + summary + ", createdAt="
                + createdAt + ", model=" + model + ", lastMessageAt=" + lastMessageAt + ", extras=" + extras + "]";
    }
}

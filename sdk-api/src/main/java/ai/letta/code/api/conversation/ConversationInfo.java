package ai.letta.code.api.conversation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A conversation: one thread of messages with an agent. An agent has many; its {@code default} conversation is
 * what {@code resumeSession(agentId)} opens.
 */
public final class ConversationInfo {
    private final String id;
    private final String agentId;
    private final String summary;
    private final Instant createdAt;

    /**
     * For transports, which decode it from their peer.
     *
     * @param id the conversation id (never the {@code default} alias where the backend resolves it)
     * @param agentId the agent it belongs to
     * @param summary the backend's summary, or {@code null}
     * @param createdAt when it was created, or {@code null}
     */
    public ConversationInfo(String id, String agentId, String summary, Instant createdAt) {
        this.id = id;
        this.agentId = agentId;
        this.summary = summary;
        this.createdAt = createdAt;
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

    @Override
    public boolean equals(Object other) {
        return other instanceof ConversationInfo o && Objects.equals(id, o.id) && Objects.equals(agentId, o.agentId)
                && Objects.equals(summary, o.summary) && Objects.equals(createdAt, o.createdAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, agentId, summary, createdAt);
    }

    @Override
    public String toString() {
        return "ConversationInfo[id=" + id + ", agentId=" + agentId + ", summary=" + summary + ", createdAt="
                + createdAt + "]";
    }
}

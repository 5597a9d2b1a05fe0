package ai.letta.code.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A lifecycle step reported to {@link SessionListener#onLifecycle}.
 */
public final class SessionStep {
    private final Kind kind;
    private final String agentId;
    private final String conversationId;
    private final String detail;
    private final Instant at;

    /**
     * The engine reports steps; this makes one.
     *
     * @param kind what happened
     * @param agentId the session's agent, or {@code null} before it is known
     * @param conversationId the session's conversation, or {@code null} before it is known
     * @param detail a short free-text detail (a tool name, a close reason), or {@code null}; never a secret
     * @param at when it happened
     */
    public SessionStep(Kind kind, String agentId, String conversationId, String detail, Instant at) {
        this.kind = kind;
        this.agentId = agentId;
        this.conversationId = conversationId;
        this.detail = detail;
        this.at = at;
    }

    /** The steps. */
    public enum Kind {
        /** The session is ready. */
        OPENED,
        /** A message was sent. */
        MESSAGE_SENT,
        /** A turn's first event arrived. */
        TURN_STARTED,
        /** A tool call waits for a permission decision. */
        PERMISSION_REQUESTED,
        /** A permission decision was sent ({@code detail}: allow or deny, and who decided). */
        PERMISSION_DECIDED,
        /** {@code abort()} was called with a turn running. */
        ABORT_REQUESTED,
        /** A turn's {@code Result} arrived ({@code detail}: its status). */
        TURN_ENDED,
        /** The idle watchdog fired. */
        IDLE_TIMEOUT,
        /** The transport was lost ({@code detail}: why). */
        TRANSPORT_LOST,
        /** The session is closed. */
        CLOSED
    }

    /** @return what happened */
    public Kind kind() {
        return kind;
    }

    /** @return the session's agent, once known */
    public Optional<String> agentId() {
        return Optional.ofNullable(agentId);
    }

    /** @return the session's conversation, once known */
    public Optional<String> conversationId() {
        return Optional.ofNullable(conversationId);
    }

    /** @return a short free-text detail (a tool name, a close reason), if any; never a secret */
    public Optional<String> detail() {
        return Optional.ofNullable(detail);
    }

    /** @return when it happened */
    public Instant at() {
        return at;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SessionStep o && Objects.equals(kind, o.kind) && Objects.equals(agentId, o.agentId)
                && Objects.equals(conversationId, o.conversationId) && Objects.equals(detail, o.detail)
                && Objects.equals(at, o.at);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, agentId, conversationId, detail, at);
    }

    @Override
    public String toString() {
        return "SessionStep[kind=" + kind + ", agentId=" + agentId + ", conversationId=" + conversationId + ", detail="
                + detail + ", at=" + at + "]";
    }
}

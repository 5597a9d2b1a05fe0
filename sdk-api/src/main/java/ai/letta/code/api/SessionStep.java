package ai.letta.code.api;

import java.time.Instant;

/**
 * A lifecycle step reported to {@link SessionListener#onLifecycle}.
 *
 * @param kind what happened
 * @param agentId the session's agent, or {@code null} before it is known
 * @param conversationId the session's conversation, or {@code null} before it is known
 * @param detail a short free-text detail (a tool name, a close reason), or {@code null}; never a secret
 * @param at when it happened
 */
public record SessionStep(Kind kind, String agentId, String conversationId, String detail, Instant at) {

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
}

package ai.letta.code.api;

import ai.letta.code.api.event.SessionEvent;

/**
 * Observes a session, for logging, metrics or tracing. Registered before the session opens
 * ({@code SessionOptions.Builder#listener}), so it sees every step from the first.
 *
 * <p>Called synchronously on an SDK thread, in order, never on a transport I/O thread. Keep it fast: it delays the
 * next event. An exception it throws is logged and otherwise ignored.
 */
public interface SessionListener {

    /**
     * A step in the session's life.
     *
     * @param step what happened
     */
    default void onLifecycle(SessionStep step) {}

    /**
     * An event, before the stream yields it.
     *
     * @param conversationId the session's conversation (or {@code null} before it is known)
     * @param event the event
     */
    default void onEvent(String conversationId, SessionEvent event) {}
}

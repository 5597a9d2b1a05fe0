package ai.letta.code.core.engine;

import ai.letta.code.api.SessionListener;
import ai.letta.code.api.SessionStep;
import ai.letta.code.api.event.SessionEvent;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Calls a session's listeners in order, on the session's serial executor, isolating each: one that throws is logged
 * and the others still run. Also logs every lifecycle step at DEBUG through {@link System.Logger}.
 */
final class ListenerFanout {
    private static final System.Logger LOG = System.getLogger("ai.letta.code.session");

    private final List<SessionListener> listeners;
    private final SerialExecutor serial;
    private final Supplier<String> agentId;
    private final Supplier<String> conversationId;

    ListenerFanout(List<SessionListener> listeners, SerialExecutor serial, Supplier<String> agentId,
            Supplier<String> conversationId) {
        this.listeners = listeners;
        this.serial = serial;
        this.agentId = agentId;
        this.conversationId = conversationId;
    }

    /** Reports a step in the session's dispatch order: inline on the serial executor, else queued on it. */
    void step(SessionStep.Kind kind, String detail) {
        Instant at = Instant.now();
        if (serial.inTask()) {
            deliver(kind, detail, at);
        } else {
            serial.execute(() -> deliver(kind, detail, at));
        }
    }

    private void deliver(SessionStep.Kind kind, String detail, Instant at) {
        SessionStep step = new SessionStep(kind, agentId.get(), conversationId.get(), detail, at);
        LOG.log(System.Logger.Level.DEBUG, () -> "session " + step.conversationId() + ": " + kind
                + (detail == null ? "" : " (" + detail + ")"));
        for (SessionListener listener : listeners) {
            try {
                listener.onLifecycle(step);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "SessionListener.onLifecycle threw; ignored", e);
            }
        }
    }

    void event(SessionEvent event) {
        String conversation = conversationId.get();
        for (SessionListener listener : listeners) {
            try {
                listener.onEvent(conversation, event);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "SessionListener.onEvent threw; ignored", e);
            }
        }
    }
}

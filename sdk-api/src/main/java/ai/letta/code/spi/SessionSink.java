package ai.letta.code.spi;

import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.api.exception.TransportException;
import ai.letta.code.api.permission.ToolPermissionRequest;
import java.util.List;

/**
 * Where a transport delivers what its peer sends for one session. Implemented by the engine; every method returns at
 * once (it only enqueues), so a transport may call it from its I/O thread. Calls for one session must not overlap.
 */
public interface SessionSink {

    /**
     * A domain event decoded from the wire. A turn ends with exactly one
     * {@link ai.letta.code.api.event.Result}.
     *
     * @param event the event
     */
    void onEvent(SessionEvent event);

    /**
     * The peer took up queued messages as one turn. Optional: without it, the engine assumes one turn per message.
     *
     * @param clientMessageIds the client message ids the turn covers, in order (may be empty if unknown)
     * @param mergedCount how many sent messages the turn covers
     */
    void onTurnStarted(List<String> clientMessageIds, int mergedCount);

    /**
     * A tool call waits for a decision; answer it with {@link SessionChannel#answer}.
     *
     * @param request the request
     */
    void onPermissionRequest(ToolPermissionRequest request);

    /**
     * The transport ended. No call follows this one.
     *
     * @param cause why, or {@code null} after a requested close
     */
    void onClosed(TransportException cause);
}

package ai.letta.code.transport.local;

import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.api.exception.TransportException;
import ai.letta.code.api.permission.ToolPermissionRequest;
import ai.letta.code.api.port.SessionSink;
import java.util.List;

/** The sink of a process that runs no turn (agent creation): its few events have no reader. */
enum DiscardingSink implements SessionSink {
    /** The only instance. */
    INSTANCE;

    @Override
    public void onEvent(SessionEvent event) {}

    @Override
    public void onTurnStarted(List<String> clientMessageIds, int mergedCount) {}

    @Override
    public void onPermissionRequest(ToolPermissionRequest request) {}

    @Override
    public void onClosed(TransportException cause) {}
}

package ai.letta.code.core.spi;

import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.api.exception.TransportException;
import ai.letta.code.api.permission.ToolPermissionRequest;
import ai.letta.code.spi.SessionSink;
import java.util.List;

/** A {@link SessionSink} that drops everything: where a transport's warm-up turn on canned input sends its events. */
public final class DiscardingSink implements SessionSink {

    /** The one instance; it holds no state. */
    public static final SessionSink INSTANCE = new DiscardingSink();

    private DiscardingSink() {}

    @Override
    public void onEvent(SessionEvent event) {}

    @Override
    public void onTurnStarted(List<String> clientMessageIds, int mergedCount) {}

    @Override
    public void onPermissionRequest(ToolPermissionRequest request) {}

    @Override
    public void onClosed(TransportException cause) {}
}

package ai.letta.code.transport.remote.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * One server turn as a session sees it: the sent messages it covers (one started input, or several queued inputs the
 * server dequeued together), what it streamed so far, and the error detail collected for its result. Not
 * thread-safe: owned by the {@link TurnStream} on the event loop.
 */
final class Turn {

    final List<String> ids = new ArrayList<>();
    final boolean dequeued;
    final MessageAssembler messages;
    final long startedNanos = System.nanoTime();
    boolean announced;
    String errorMessage;
    String errorDetail;

    /**
     * @param dequeued whether the server took it from its queue (more dequeued inputs may join it until announced)
     * @param firstId the first client message id it covers
     * @param messages assembles its deltas
     */
    Turn(boolean dequeued, String firstId, MessageAssembler messages) {
        this.dequeued = dequeued;
        this.messages = messages;
        ids.add(firstId);
    }
}

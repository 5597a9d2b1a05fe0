package ai.letta.code.transport.remote;

import ai.letta.code.api.Session;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.event.SessionEvent;

/** One turn through the SDK as the remote harnesses time it: {@code send} until the {@link Result} leaves the stream. */
final class SdkTurn {

    private SdkTurn() {}

    /**
     * @param session the session
     * @param text the user message
     * @return the turn's time in microseconds
     * @throws IllegalStateException if the turn did not succeed
     */
    static long micros(Session session, String text) {
        long start = System.nanoTime();
        session.send(text);
        Result result = null;
        for (SessionEvent event : session.stream()) {
            if (event instanceof Result r) {
                result = r;
            }
        }
        long took = (System.nanoTime() - start) / 1_000;
        if (result == null || !result.success()) {
            throw new IllegalStateException("SDK turn \"" + text + "\" failed: " + result);
        }
        return took;
    }
}

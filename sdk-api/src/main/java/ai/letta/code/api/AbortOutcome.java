package ai.letta.code.api;

/** What {@code Session.abort()} found. */
public enum AbortOutcome {
    /** A turn was running; it has now ended with an interrupted {@code Result}. */
    INTERRUPTED,
    /** No turn was running; nothing was sent to the peer. */
    NOTHING_TO_ABORT
}

package ai.letta.code.api;

/** What {@code Session.abort()} found. */
public enum AbortOutcome {
    /** A turn was running; it has now ended with an interrupted {@code Result}. */
    INTERRUPTED,
    /** No turn was running; nothing was sent to the peer. */
    NOTHING_TO_ABORT,
    /**
     * A turn was running, but it ended on its own before the abort reached the peer: its {@code Result} is the one
     * it finished with (a success or an error), not an interrupted one.
     */
    ENDED_FIRST
}

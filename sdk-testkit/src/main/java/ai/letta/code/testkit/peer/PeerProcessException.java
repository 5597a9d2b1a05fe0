package ai.letta.code.testkit.peer;

/**
 * A real peer process did not do what a launcher waited for: it exited, stayed silent past a bounded wait, or
 * printed something unusable. The message quotes the command, the exit code when known, and the tails of stdout and
 * stderr, so a failing test explains itself without a rerun.
 */
public final class PeerProcessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    PeerProcessException(String message) {
        super(message);
    }

    PeerProcessException(String message, Throwable cause) {
        super(message, cause);
    }
}

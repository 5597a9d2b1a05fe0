package ai.letta.code.api.exception;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The connection to the peer failed: the CLI process died, the websocket dropped, an HTTP call failed at the
 * transport level. Carries what is known for diagnosis: the process exit code or HTTP status, and the last lines
 * the peer wrote to stderr (secrets redacted).
 */
public class TransportException extends LettaCodeException {
    private static final long serialVersionUID = 1L;
    /** The peer process's exit code, or {@code null}. */
    private final Integer exitCode;
    /** The last lines the peer wrote to stderr, or {@code null}. */
    private final String diagnosticTail;

    /**
     * @param message what failed
     * @param exitCode the process exit code or HTTP status, or {@code null}
     * @param diagnosticTail the last lines of the peer's stderr or response body, or {@code null}
     * @param cause the underlying I/O failure, or {@code null}
     */
    public TransportException(String message, Integer exitCode, String diagnosticTail, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
        this.diagnosticTail = diagnosticTail;
    }

    /** @param message what failed */
    public TransportException(String message) {
        this(message, null, null, null);
    }

    /** @return the process exit code or HTTP status, if known */
    public OptionalInt exitCode() {
        return exitCode == null ? OptionalInt.empty() : OptionalInt.of(exitCode);
    }

    /** @return the last lines the peer wrote to stderr (or its error body), if any */
    public Optional<String> diagnosticTail() {
        return Optional.ofNullable(diagnosticTail).filter(s -> !s.isBlank());
    }
}

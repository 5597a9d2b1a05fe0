package ai.letta.code.api.event;

import java.util.Objects;
import java.util.Optional;

/**
 * The peer or the transport reported an error during a turn. The turn's {@link Result} still follows.
 */
public final class ErrorEvent implements SessionEvent {
    private final String message;
    private final ErrorCode errorCode;
    private final String detail;
    private final String runId;

    /**
     * Fills defaults.
     *
     * @param message a short message
     * @param errorCode the machine-readable code
     * @param detail the longer detail (provider message, stderr tail), or {@code null}
     * @param runId the run, or {@code null}
     */
    public ErrorEvent(String message, ErrorCode errorCode, String detail, String runId) {
        message = message == null ? "" : message;
        errorCode = errorCode == null ? ErrorCode.ERROR : errorCode;
        this.message = message;
        this.errorCode = errorCode;
        this.detail = detail;
        this.runId = runId;
    }

    @Override
    public String type() {
        return "error";
    }

    /** @return a short message */
    public String message() {
        return message;
    }

    /** @return the machine-readable code */
    public ErrorCode errorCode() {
        return errorCode;
    }

    /** @return the longer detail (provider message, stderr tail), if any */
    public Optional<String> detail() {
        return Optional.ofNullable(detail);
    }

    /** @return the run, if any */
    public Optional<String> runId() {
        return Optional.ofNullable(runId);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ErrorEvent o && Objects.equals(message, o.message)
                && Objects.equals(errorCode, o.errorCode) && Objects.equals(detail, o.detail)
                && Objects.equals(runId, o.runId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(message, errorCode, detail, runId);
    }

    @Override
    public String toString() {
        return "ErrorEvent[message=" + message + ", errorCode=" + errorCode + ", detail=" + detail + ", runId=" + runId
                + "]";
    }
}

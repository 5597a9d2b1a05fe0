package ai.letta.code.api.event;

/**
 * The peer or the transport reported an error during a turn. The turn's {@link Result} still follows.
 *
 * @param message a short message
 * @param errorCode the machine-readable code
 * @param detail the longer detail (provider message, stderr tail), or {@code null}
 * @param runId the run, or {@code null}
 */
public record ErrorEvent(String message, ErrorCode errorCode, String detail, String runId) implements SessionEvent {
    /** Fills defaults. */
    public ErrorEvent {
        message = message == null ? "" : message;
        errorCode = errorCode == null ? ErrorCode.ERROR : errorCode;
    }

    @Override
    public String type() {
        return "error";
    }
}

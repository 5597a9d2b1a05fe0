package ai.letta.code.api.event;

/**
 * A machine-readable error code on a {@link Result} or {@link ErrorEvent}. An open value type: codes this SDK does
 * not list are kept as the peer sent them.
 *
 * @param value the code
 */
public record ErrorCode(String value) {
    /** The turn was interrupted ({@code abort()}, or a denial that interrupts). Not a failure. */
    public static final ErrorCode INTERRUPTED = new ErrorCode("interrupted");
    /** The transport ended mid-turn: the process died or the socket dropped. The session is closed. */
    public static final ErrorCode STREAM_CLOSED = new ErrorCode("stream_closed");
    /** The session was closed while the turn ran. */
    public static final ErrorCode SESSION_CLOSED = new ErrorCode("session_closed");
    /** No event arrived within the session's idle timeout; the turn was interrupted. */
    public static final ErrorCode IDLE_TIMEOUT = new ErrorCode("idle_timeout");
    /** The conversation waits for an approval that must be answered first. */
    public static final ErrorCode APPROVAL_CONFLICT = new ErrorCode("approval_conflict");
    /** The peer sent something that could not be decoded. */
    public static final ErrorCode PROTOCOL_ERROR = new ErrorCode("protocol_error");
    /** The model provider failed. */
    public static final ErrorCode LLM_API_ERROR = new ErrorCode("llm_api_error");
    /** The step limit was reached. */
    public static final ErrorCode MAX_STEPS = new ErrorCode("max_steps");
    /** The peer reported an error without a more precise code. */
    public static final ErrorCode ERROR = new ErrorCode("error");

    /**
     * Keeps the value non-blank.
     *
     * @param value the code
     */
    public ErrorCode {
        if (value == null || value.isBlank()) {
            value = "error";
        }
    }

    /**
     * @param value a code as the peer names it
     * @return the value type
     */
    public static ErrorCode of(String value) {
        return new ErrorCode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}

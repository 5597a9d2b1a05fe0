package ai.letta.code.api.event;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The end of a turn: always the last event of a stream. A failed turn is data, not an exception: check
 * {@link #success()}.
 *
 * <p>Three outcomes: {@link Status#SUCCESS}; {@link Status#INTERRUPTED} (aborted, or closed mid-turn: not an error,
 * {@link #errorCode()} says why); {@link Status#ERROR} (the peer or the transport failed; {@link #error()} and
 * {@link #errorDetail()} say how).
 *
 * @param status the outcome
 * @param text the last assistant text of the turn (else the last reasoning or tool output), or {@code null}
 * @param error a short error message, or {@code null} on success
 * @param errorCode the machine-readable code, or {@code null} on success
 * @param errorDetail the longer detail (a provider's message, a stderr tail), or {@code null}
 * @param stopReason why the model stopped, or {@code null}
 * @param duration how long the turn took, as the peer measured it (zero if unknown)
 * @param numTurns the model steps the turn took (zero if unknown)
 * @param conversationId the conversation, or {@code null}
 * @param runIds the peer's run ids for this turn (may be empty)
 */
public record Result(
        Status status,
        String text,
        String error,
        ErrorCode errorCode,
        String errorDetail,
        StopReason stopReason,
        Duration duration,
        int numTurns,
        String conversationId,
        List<String> runIds)
        implements SessionEvent {

    /** How a turn ended. */
    public enum Status {
        /** The turn completed. */
        SUCCESS,
        /** The turn was interrupted by the client; not a failure. */
        INTERRUPTED,
        /** The turn failed. */
        ERROR
    }

    /** Fills defaults. */
    public Result {
        status = status == null ? Status.ERROR : status;
        duration = duration == null ? Duration.ZERO : duration;
        runIds = runIds == null ? List.of() : List.copyOf(runIds);
    }

    /**
     * @param text the final text
     * @param conversationId the conversation
     * @return a successful result with no other details
     */
    public static Result success(String text, String conversationId) {
        return new Result(Status.SUCCESS, text, null, null, null, StopReason.END_TURN, null, 0, conversationId, null);
    }

    /**
     * @param code why the turn was interrupted
     * @param text the partial text, or {@code null}
     * @param conversationId the conversation
     * @return an interrupted result
     */
    public static Result interrupted(ErrorCode code, String text, String conversationId) {
        return new Result(Status.INTERRUPTED, text, code.value(), code, null, StopReason.CANCELLED, null, 0,
                conversationId, null);
    }

    /**
     * @param code the error code
     * @param error a short message
     * @param detail the longer detail, or {@code null}
     * @param conversationId the conversation
     * @return a failed result
     */
    public static Result failure(ErrorCode code, String error, String detail, String conversationId) {
        return new Result(Status.ERROR, null, error, code, detail, StopReason.ERROR, null, 0, conversationId, null);
    }

    @Override
    public String type() {
        return "result";
    }

    /** @return whether the turn completed */
    public boolean success() {
        return status == Status.SUCCESS;
    }

    /** @return whether the client interrupted the turn */
    public boolean interrupted() {
        return status == Status.INTERRUPTED;
    }

    /** @return the final text, if any */
    public Optional<String> resultText() {
        return Optional.ofNullable(text);
    }

    /** @return the error code, if the turn did not succeed */
    public Optional<ErrorCode> code() {
        return Optional.ofNullable(errorCode);
    }

    /** @return the longer error detail, if any */
    public Optional<String> detail() {
        return Optional.ofNullable(errorDetail).filter(s -> !s.isBlank());
    }
}

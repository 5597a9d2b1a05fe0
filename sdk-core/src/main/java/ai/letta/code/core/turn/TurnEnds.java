package ai.letta.code.core.turn;

import ai.letta.code.api.event.ErrorCode;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.event.StopReason;
import java.time.Duration;
import java.util.List;

/**
 * The {@link Result} of a turn the peer finished, from what every peer reports about it: success, interrupted
 * ({@code cancelled}) or failed, with the text, timing, run ids and conversation. The peers differ only in how
 * they say which (the CLI's {@code result} line has a subtype, the app server's {@code turn_finished} a stop
 * reason); the transport decides that, this builds the result.
 */
public final class TurnEnds {

    /**
     * What a finished turn reports, whatever its outcome.
     *
     * @param text the result text ({@link ResultText}, or the peer's own), or {@code null}
     * @param duration how long it took
     * @param numTurns the model steps it took
     * @param conversationId the conversation, as handed to callers
     * @param runIds the runs it went through
     */
    public record Turn(String text, Duration duration, int numTurns, String conversationId, List<String> runIds) {
        /**
         * Copies the run ids; a negative duration is none.
         *
         * @param text the result text ({@link ResultText}, or the peer's own), or {@code null}
         * @param duration how long it took
         * @param numTurns the model steps it took
         * @param conversationId the conversation, as handed to callers
         * @param runIds the runs it went through
         */
        public Turn {
            duration = duration == null || duration.isNegative() ? Duration.ZERO : duration;
            runIds = runIds == null ? List.of() : List.copyOf(runIds);
        }
    }

    private TurnEnds() {
    }

    /**
     * @param turn the turn
     * @param stop its stop reason
     * @return a successful result
     */
    public static Result success(Turn turn, StopReason stop) {
        return common(Result.builder(Result.Status.SUCCESS), turn).stopReason(stop).build();
    }

    /**
     * @param turn the turn
     * @return an interrupted result ({@code cancelled}, error code {@code interrupted})
     */
    public static Result interrupted(Turn turn) {
        return common(Result.builder(Result.Status.INTERRUPTED), turn).error(ErrorCode.INTERRUPTED.value())
                .errorCode(ErrorCode.INTERRUPTED).stopReason(StopReason.CANCELLED).build();
    }

    /**
     * @param turn the turn
     * @param stop its stop reason
     * @param code the error code
     * @param error what went wrong, in short
     * @param detail more, or {@code null}
     * @return a failed result
     */
    public static Result failed(Turn turn, StopReason stop, ErrorCode code, String error, String detail) {
        return common(Result.builder(Result.Status.ERROR), turn).error(error).errorCode(code).errorDetail(detail)
                .stopReason(stop).build();
    }

    /**
     * @param stopReason a stop reason as the peer spells it, or {@code null}
     * @return the error code of a turn that failed with it: {@code error} for none, blank or {@code error}, else
     *     the stop reason as a code (an open value: one the SDK does not know is kept)
     */
    public static ErrorCode errorCode(String stopReason) {
        if (stopReason == null || stopReason.isBlank() || "error".equals(stopReason)) {
            return ErrorCode.ERROR;
        }
        return ErrorCode.of(stopReason);
    }

    private static Result.Builder common(Result.Builder builder, Turn turn) {
        return builder.result(turn.text()).duration(turn.duration()).numTurns(turn.numTurns())
                .conversationId(turn.conversationId()).runIds(turn.runIds());
    }
}

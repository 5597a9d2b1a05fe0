package ai.letta.code.transport.remote.internal;

import ai.letta.code.api.event.ErrorCode;
import ai.letta.code.api.event.ErrorEvent;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.api.event.StopReason;
import ai.letta.code.core.turn.TurnEnds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The terminal events of a turn, from {@code turn_finished} (spec §2.3): a successful {@link Result} for the stop
 * reasons the server treats as success, an interrupted one for {@code cancelled}, otherwise an {@link ErrorEvent}
 * and a failed {@code Result} carrying the {@code loop_error} detail when one came.
 */
final class TurnResults {

    /**
     * Stop reasons that end a turn successfully: {@code end_turn}, and the two the newer TypeScript SDK also counts
     * (cloud.md §2.4).
     */
    static final Set<String> SUCCESS = Set.of("end_turn", "tool_rule", "requires_approval");

    private TurnResults() {
    }

    /**
     * @param stopReason the turn's stop reason
     * @param turn the turn
     * @return whether its result can be emitted at once; a failure without detail waits briefly for the terminal
     *     {@code loop_error}, which may follow {@code turn_finished} (spec §4.3, §5)
     */
    static boolean completeAtOnce(String stopReason, Turn turn) {
        return SUCCESS.contains(stopReason) || stopReason.equals("cancelled") || turn.errorMessage != null;
    }

    /**
     * @param turn the finished turn
     * @param stopReason its stop reason
     * @param error {@code turn_finished.error}, or {@code null}
     * @param runId {@code turn_finished.run_id} (the turn's last run), or {@code null}
     * @param conversationId the session's conversation id
     * @return the events ending the turn, the {@link Result} last
     */
    static List<SessionEvent> of(Turn turn, String stopReason, String error, String runId, String conversationId) {
        List<String> runIds = new ArrayList<>(turn.messages.runIds());
        if (runId != null && !runIds.contains(runId)) {
            runIds.add(runId);
        }
        TurnEnds.Turn ended = new TurnEnds.Turn(turn.messages.resultText(),
                Duration.ofNanos(System.nanoTime() - turn.startedNanos), runIds.size(), conversationId, runIds);
        StopReason stop = StopReason.of(stopReason);
        if (SUCCESS.contains(stopReason)) {
            return List.of(TurnEnds.success(ended, stop));
        }
        if (stopReason.equals("cancelled")) {
            return List.of(TurnEnds.interrupted(ended));
        }
        ErrorCode code = TurnEnds.errorCode(stopReason);
        String message = turn.errorMessage != null ? turn.errorMessage
                : "the turn ended with stop reason " + stopReason;
        String detail = error != null ? error : turn.errorDetail;
        return List.of(new ErrorEvent(message, code, detail, runId),
                TurnEnds.failed(ended, stop, code, message, detail));
    }
}

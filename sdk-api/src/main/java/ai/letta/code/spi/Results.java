package ai.letta.code.spi;

import ai.letta.code.api.event.ErrorCode;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.event.StopReason;

/** The three usual {@link Result}s a transport or the engine ends a turn with. */
public final class Results {
    private Results() {}

    /**
     * @param text the final text, or {@code null}
     * @param conversationId the conversation
     * @return a successful result with no other details
     */
    public static Result success(String text, String conversationId) {
        return Result.builder(Result.Status.SUCCESS).result(text).stopReason(StopReason.END_TURN)
                .conversationId(conversationId).build();
    }

    /**
     * @param code why the turn was interrupted
     * @param text the partial text, or {@code null}
     * @param conversationId the conversation
     * @return an interrupted result, its error the code's value
     */
    public static Result interrupted(ErrorCode code, String text, String conversationId) {
        return Result.builder(Result.Status.INTERRUPTED).result(text).error(code.value()).errorCode(code)
                .stopReason(StopReason.CANCELLED).conversationId(conversationId).build();
    }

    /**
     * @param code the error code
     * @param error a short message
     * @param detail the longer detail, or {@code null}
     * @param conversationId the conversation
     * @return a failed result
     */
    public static Result failure(ErrorCode code, String error, String detail, String conversationId) {
        return Result.builder(Result.Status.ERROR).error(error).errorCode(code).errorDetail(detail)
                .stopReason(StopReason.ERROR).conversationId(conversationId).build();
    }
}

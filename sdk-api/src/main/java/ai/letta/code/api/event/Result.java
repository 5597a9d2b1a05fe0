package ai.letta.code.api.event;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The end of a turn: always the last event of a stream. A failed turn is data, not an exception: check
 * {@link #success()}.
 *
 * <p>Three outcomes: {@link Status#SUCCESS}; {@link Status#INTERRUPTED} (aborted, or closed mid-turn: not an error,
 * {@link #errorCode()} says why); {@link Status#ERROR} (the peer or the transport failed; {@link #error()} and
 * {@link #errorDetail()} say how).
 */
public final class Result implements SessionEvent {
    private final Status status;
    private final String result;
    private final String error;
    private final ErrorCode errorCode;
    private final String errorDetail;
    private final StopReason stopReason;
    private final Duration duration;
    private final int numTurns;
    private final String conversationId;
    private final List<String> runIds;

    /** How a turn ended. */
    public enum Status {
        /** The turn completed. */
        SUCCESS,
        /** The turn was interrupted by the client; not a failure. */
        INTERRUPTED,
        /** The turn failed. */
        ERROR
    }

    private Result(Builder b) {
        status = b.status;
        result = b.result;
        error = b.error;
        errorCode = b.errorCode;
        errorDetail = b.errorDetail == null || b.errorDetail.isBlank() ? null : b.errorDetail;
        stopReason = b.stopReason;
        duration = b.duration;
        numTurns = b.numTurns;
        conversationId = b.conversationId;
        runIds = List.copyOf(b.runIds);
    }

    /**
     * @param status the outcome
     * @return a builder of a result with that outcome and nothing else set
     */
    public static Builder builder(Status status) {
        return new Builder(Objects.requireNonNull(status, "status"));
    }

    /** @return a builder holding this result */
    public Builder toBuilder() {
        return builder(status).result(result).error(error).errorCode(errorCode).errorDetail(errorDetail)
                .stopReason(stopReason).duration(duration).numTurns(numTurns).conversationId(conversationId)
                .runIds(runIds);
    }

    @Override
    public String type() {
        return "result";
    }

    /** @return the outcome */
    public Status status() {
        return status;
    }

    /** @return whether the turn completed */
    public boolean success() {
        return status == Status.SUCCESS;
    }

    /** @return whether the client interrupted the turn */
    public boolean interrupted() {
        return status == Status.INTERRUPTED;
    }

    /**
     * @return the last assistant text of the turn (else the last reasoning or tool output), if any; the TypeScript
     *     SDK's {@code result}
     */
    public Optional<String> result() {
        return Optional.ofNullable(result);
    }

    /** @return a short error message, if the turn did not succeed */
    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    /** @return the machine-readable code, if the turn did not succeed */
    public Optional<ErrorCode> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    /** @return the longer detail (a provider's message, a stderr tail), if any */
    public Optional<String> errorDetail() {
        return Optional.ofNullable(errorDetail);
    }

    /** @return why the model stopped, if known */
    public Optional<StopReason> stopReason() {
        return Optional.ofNullable(stopReason);
    }

    /** @return how long the turn took, as the peer measured it (zero if unknown) */
    public Duration duration() {
        return duration;
    }

    /** @return the model steps the turn took (zero if unknown) */
    public int numTurns() {
        return numTurns;
    }

    /** @return the conversation, if known */
    public Optional<String> conversationId() {
        return Optional.ofNullable(conversationId);
    }

    /** @return the peer's run ids for this turn (may be empty) */
    public List<String> runIds() {
        return runIds;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Result r && status == r.status && Objects.equals(result, r.result)
                && Objects.equals(error, r.error) && Objects.equals(errorCode, r.errorCode)
                && Objects.equals(errorDetail, r.errorDetail) && Objects.equals(stopReason, r.stopReason)
                && duration.equals(r.duration) && numTurns == r.numTurns
                && Objects.equals(conversationId, r.conversationId) && runIds.equals(r.runIds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, result, error, errorCode, errorDetail, stopReason, duration, numTurns,
                conversationId, runIds);
    }

    @Override
    public String toString() {
        return "Result[status=" + status + ", result=" + result + ", error=" + error + ", errorCode=" + errorCode
                + ", errorDetail=" + errorDetail + ", stopReason=" + stopReason + ", duration=" + duration
                + ", numTurns=" + numTurns + ", conversationId=" + conversationId + ", runIds=" + runIds + "]";
    }

    /** Builds a {@link Result}; a setter given {@code null} leaves that part unset. */
    public static final class Builder {
        private final Status status;
        private String result;
        private String error;
        private ErrorCode errorCode;
        private String errorDetail;
        private StopReason stopReason;
        private Duration duration = Duration.ZERO;
        private int numTurns;
        private String conversationId;
        private List<String> runIds = List.of();

        private Builder(Status status) {
            this.status = status;
        }

        /**
         * @param result the turn's final text, or {@code null}
         * @return this
         */
        public Builder result(String result) {
            this.result = result;
            return this;
        }

        /**
         * @param error a short error message, or {@code null}
         * @return this
         */
        public Builder error(String error) {
            this.error = error;
            return this;
        }

        /**
         * @param errorCode the machine-readable code, or {@code null}
         * @return this
         */
        public Builder errorCode(ErrorCode errorCode) {
            this.errorCode = errorCode;
            return this;
        }

        /**
         * @param errorDetail the longer detail, or {@code null} (blank counts as none)
         * @return this
         */
        public Builder errorDetail(String errorDetail) {
            this.errorDetail = errorDetail;
            return this;
        }

        /**
         * @param stopReason why the model stopped, or {@code null}
         * @return this
         */
        public Builder stopReason(StopReason stopReason) {
            this.stopReason = stopReason;
            return this;
        }

        /**
         * @param duration how long the turn took, or {@code null} if unknown
         * @return this
         */
        public Builder duration(Duration duration) {
            this.duration = duration == null ? Duration.ZERO : duration;
            return this;
        }

        /**
         * @param numTurns the model steps the turn took (zero if unknown)
         * @return this
         */
        public Builder numTurns(int numTurns) {
            this.numTurns = numTurns;
            return this;
        }

        /**
         * @param conversationId the conversation, or {@code null}
         * @return this
         */
        public Builder conversationId(String conversationId) {
            this.conversationId = conversationId;
            return this;
        }

        /**
         * @param runIds the peer's run ids for this turn, or {@code null} for none
         * @return this
         */
        public Builder runIds(List<String> runIds) {
            this.runIds = runIds == null ? List.of() : List.copyOf(runIds);
            return this;
        }

        /** @return the result */
        public Result build() {
            return new Result(this);
        }
    }
}

package ai.letta.code.testkit.script;

import java.util.Objects;

/** How a {@link TurnScript.Step} ends: normally with a stop reason, or with one of the scripted faults. */
public sealed interface StepEnding {

    /** The model stops normally. */
    String END_TURN = "end_turn";
    /** The model called client tools and waits for their results (the approval flow). */
    String REQUIRES_APPROVAL = "requires_approval";

    /**
     * A normal end with a Letta stop reason ({@code end_turn}, {@code requires_approval}, {@code max_steps}, ...).
     * The chat-completions wire maps it to a {@code finish_reason} ({@code stop}, {@code tool_calls}, {@code length}).
     */
    record Stop(String stopReason) implements StepEnding {
        /**
         * Validates.
         *
         * @param stopReason the stop reason
         */
        public Stop {
            Objects.requireNonNull(stopReason, "stopReason");
        }
    }

    /**
     * The model call fails after the frames sent so far. On the Letta wire, by default an in-band
     * {@code error_message} frame, then {@code stop_reason: llm_api_error} and {@code [DONE]} (the CLI reports it
     * as an {@code error} line with {@code api_error}); with {@code errorEvent} the SSE {@code event: error}
     * framing instead, after which the stream just ends (the CLI then tries to re-attach and reports no
     * {@code error} line). On chat completions both render {@code data: {"error":{...}}} and end the stream.
     *
     * @param detail nullable; defaults to the message on the wire
     */
    record StreamError(String errorType, String message, String detail, boolean errorEvent) implements StepEnding {
        /**
         * Validates.
         *
         * @param errorType the error type
         * @param message the error message
         * @param detail the detail text, or null
         * @param errorEvent whether to use the SSE {@code event: error} framing
         */
        public StreamError {
            Objects.requireNonNull(errorType, "errorType");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * The whole response is an HTTP error instead of a stream. {@code code} (nullable) is a machine-readable error
     * code, e.g. {@code PENDING_APPROVAL}; each wire renders its own error body around {@code message}.
     */
    record HttpError(int status, String message, String code) implements StepEnding {
        /**
         * Validates.
         *
         * @param status the HTTP status, 4xx or 5xx
         * @param message the error message
         * @param code the error code, or null
         */
        public HttpError {
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("HTTP error status must be 4xx or 5xx, was " + status);
            }
            Objects.requireNonNull(message, "message");
        }
    }

    /** The stream stays open and silent until the client disconnects or the fake is closed. */
    record Stall() implements StepEnding {
    }

    /** The fake closes the connection abruptly (no terminal frame, no {@code [DONE]}). */
    record Drop() implements StepEnding {
    }
}

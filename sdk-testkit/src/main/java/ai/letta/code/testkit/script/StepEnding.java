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
        public Stop {
            Objects.requireNonNull(stopReason, "stopReason");
        }
    }

    /**
     * The model call fails after the frames sent so far: Letta {@code event: error} with an {@code error_message}
     * object; chat completions {@code data: {"error":{...}}}. The stream then ends without {@code [DONE]}.
     */
    record StreamError(String errorType, String message, String detail) implements StepEnding {
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

package ai.letta.code.testkit.script;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the scripted model does in one turn, independent of the wire it is rendered on.
 *
 * <p>A turn is a list of {@link Step steps}; each step answers one model request. A step that calls tools ends
 * with {@code requires_approval}; the CLI then runs the tools (after a {@code can_use_tool} prompt when the
 * permission mode asks for one) and makes the next request, which the next step answers:
 *
 * <pre>{@code
 * TurnScript script = TurnScript.builder()
 *         .reasoning("I should run the shell tool.")
 *         .toolCall("Bash", Map.of("command", "touch approved.txt && echo ok", "description", "write a file"))
 *         .assistant("tool said: ok")          // starts step 2: answers the tool result
 *         .endTurn()
 *         .build();
 * }</pre>
 *
 * <p>A step after an HTTP error, stall or drop answers the next request of the same conversation (e.g. the
 * client's retry). Instances are immutable and thread-safe; the builder is not.
 */
public final class TurnScript {

    private final List<Step> steps;

    private TurnScript(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    /** @return a builder for a multi-step script */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A one-step script that answers with {@code text} and ends the turn.
     *
     * @param text the answer
     * @return the script
     */
    public static TurnScript text(String text) {
        return builder().assistant(text).build();
    }

    /** @return the steps, in the order they answer requests */
    public List<Step> steps() {
        return steps;
    }

    @Override
    public String toString() {
        return "TurnScript" + steps;
    }

    /**
     * The answer to one model request: parts in order, then an ending. {@code chunkDelay} is the pause between
     * two frames of the rendered stream (not before the first).
     */
    public record Step(List<ScriptPart> parts, StepEnding ending, Duration chunkDelay) {
        /**
         * Validates and copies.
         *
         * @param parts the parts, in order
         * @param ending how the step ends
         * @param chunkDelay the pause between two frames
         */
        public Step {
            parts = List.copyOf(parts);
            Objects.requireNonNull(ending, "ending");
            Objects.requireNonNull(chunkDelay, "chunkDelay");
        }

        /** @return the tool calls of this step, in order */
        public List<ScriptPart.ToolCall> toolCalls() {
            List<ScriptPart.ToolCall> calls = new ArrayList<>();
            for (ScriptPart part : parts) {
                if (part instanceof ScriptPart.ToolCall call) {
                    calls.add(call);
                }
            }
            return calls;
        }
    }

    /**
     * Builds a {@link TurnScript}. Parts accumulate into the current step; adding text or reasoning after a tool
     * call starts a new step (the tool step ends with {@code requires_approval}); an ending method closes the
     * current step. {@link #build()} ends an open step with {@code end_turn} (or {@code requires_approval} when it
     * called tools).
     */
    public static final class Builder {
        // Closed steps get their chunk delay only in build(), so chunkDelay() may be called at any point.
        private final List<List<ScriptPart>> closedParts = new ArrayList<>();
        private final List<StepEnding> closedEndings = new ArrayList<>();
        private final List<ScriptPart> current = new ArrayList<>();
        private Duration chunkDelay = Duration.ZERO;

        private Builder() {
        }

        /**
         * Adds reasoning text.
         *
         * @param text the reasoning
         * @return this builder
         */
        public Builder reasoning(String text) {
            startStepAfterToolCalls();
            current.add(new ScriptPart.Reasoning(text));
            return this;
        }

        /**
         * Adds assistant text; several arguments are streamed as several chunks of one message.
         *
         * @param chunks the text, in chunks
         * @return this builder
         */
        public Builder assistant(String... chunks) {
            if (chunks.length == 0) {
                throw new IllegalArgumentException("assistant needs at least one chunk");
            }
            startStepAfterToolCalls();
            for (String chunk : chunks) {
                current.add(new ScriptPart.AssistantText(chunk));
            }
            return this;
        }

        /**
         * Adds assistant text computed from the request being answered (e.g. from its tool result).
         *
         * @param text computes the text from the request
         * @return this builder
         */
        public Builder assistantFrom(Function<TurnRequest, String> text) {
            startStepAfterToolCalls();
            current.add(new ScriptPart.AssistantTextFrom(text));
            return this;
        }

        /**
         * Adds a tool call with an id the fake assigns ({@code call_fake_<n>}).
         *
         * @param toolName the tool
         * @param arguments the call's arguments
         * @return this builder
         */
        public Builder toolCall(String toolName, Map<String, ?> arguments) {
            return toolCall(null, toolName, arguments);
        }

        /**
         * Adds a tool call with a fixed id; several calls in a row form one parallel step.
         *
         * @param toolCallId the call's id
         * @param toolName the tool
         * @param arguments the call's arguments
         * @return this builder
         */
        public Builder toolCall(String toolCallId, String toolName, Map<String, ?> arguments) {
            current.add(new ScriptPart.ToolCall(toolCallId, toolName, new LinkedHashMap<>(arguments)));
            return this;
        }

        /**
         * Waits {@code duration} before the next frame.
         *
         * @param duration the pause
         * @return this builder
         */
        public Builder pause(Duration duration) {
            current.add(new ScriptPart.Pause(duration));
            return this;
        }

        /**
         * Holds the stream here until {@code gate} is opened.
         *
         * @param gate the gate
         * @return this builder
         */
        public Builder awaitGate(Gate gate) {
            current.add(new ScriptPart.AwaitGate(gate));
            return this;
        }

        /**
         * Sets the pause between two frames for every step of this script (default: none).
         *
         * @param delay the pause
         * @return this builder
         */
        public Builder chunkDelay(Duration delay) {
            if (delay == null || delay.isNegative()) {
                throw new IllegalArgumentException("chunkDelay must be >= 0, was " + delay);
            }
            this.chunkDelay = delay;
            return this;
        }

        /**
         * Ends the current step normally ({@code end_turn}).
         *
         * @return this builder
         */
        public Builder endTurn() {
            return stopReason(StepEnding.END_TURN);
        }

        /**
         * Ends the current step with any Letta stop reason (e.g. {@code max_steps}, {@code llm_api_error}).
         *
         * @param stopReason the stop reason
         * @return this builder
         */
        public Builder stopReason(String stopReason) {
            return close(new StepEnding.Stop(stopReason));
        }

        /**
         * Fails the model call mid-stream, after the parts added so far.
         *
         * @param errorType the error type
         * @param message the error message
         * @return this builder
         */
        public Builder error(String errorType, String message) {
            return error(errorType, message, null);
        }

        /**
         * Fails the model call mid-stream with a detail text (Letta: an in-band {@code error_message}).
         *
         * @param errorType the error type
         * @param message the error message
         * @param detail the detail text
         * @return this builder
         */
        public Builder error(String errorType, String message, String detail) {
            return close(new StepEnding.StreamError(errorType, message, detail, false));
        }

        /**
         * Fails the model call mid-stream with the SSE {@code event: error} framing (Letta wire).
         *
         * @param errorType the error type
         * @param message the error message
         * @param detail the detail text
         * @return this builder
         */
        public Builder errorEvent(String errorType, String message, String detail) {
            return close(new StepEnding.StreamError(errorType, message, detail, true));
        }

        /**
         * Answers the request with an HTTP error (4xx/5xx) instead of a stream.
         *
         * @param status the HTTP status
         * @param message the error message
         * @return this builder
         */
        public Builder httpError(int status, String message) {
            return httpError(status, message, null);
        }

        /**
         * Answers the request with an HTTP error carrying a machine-readable {@code code}.
         *
         * @param status the HTTP status
         * @param message the error message
         * @param code the error code
         * @return this builder
         */
        public Builder httpError(int status, String message, String code) {
            startStepAfterToolCalls();
            if (!current.isEmpty()) {
                throw new IllegalStateException(
                        "httpError replaces a whole response; end the current step (e.g. endTurn()) first");
            }
            return close(new StepEnding.HttpError(status, message, code));
        }

        /**
         * Answers with the Letta API's 409 "waiting for approval" conflict.
         *
         * @return this builder
         */
        public Builder pendingApproval() {
            return httpError(409, "Cannot send a new message: The agent is waiting for approval on a tool call. "
                    + "Please approve or deny the pending request before continuing.", "PENDING_APPROVAL");
        }

        /**
         * Keeps the stream open and silent after the parts so far, until the client or the fake closes it.
         *
         * @return this builder
         */
        public Builder stall() {
            return close(new StepEnding.Stall());
        }

        /**
         * Closes the connection abruptly after the parts so far.
         *
         * @return this builder
         */
        public Builder dropConnection() {
            return close(new StepEnding.Drop());
        }

        /**
         * Builds the immutable script; the builder stays usable.
         *
         * @return the script
         */
        public TurnScript build() {
            List<Step> all = new ArrayList<>();
            for (int i = 0; i < closedParts.size(); i++) {
                all.add(new Step(closedParts.get(i), closedEndings.get(i), chunkDelay));
            }
            if (!current.isEmpty()) {
                all.add(new Step(current, implicitEnding(current), chunkDelay));
            }
            if (all.isEmpty()) {
                throw new IllegalStateException("a TurnScript needs at least one part or ending");
            }
            return new TurnScript(all);
        }

        private Builder close(StepEnding ending) {
            closedParts.add(List.copyOf(current));
            closedEndings.add(ending);
            current.clear();
            return this;
        }

        private void startStepAfterToolCalls() {
            if (current.stream().anyMatch(ScriptPart.ToolCall.class::isInstance)) {
                close(new StepEnding.Stop(StepEnding.REQUIRES_APPROVAL));
            }
        }

        private static StepEnding implicitEnding(List<ScriptPart> parts) {
            boolean callsTools = parts.stream().anyMatch(ScriptPart.ToolCall.class::isInstance);
            return new StepEnding.Stop(callsTools ? StepEnding.REQUIRES_APPROVAL : StepEnding.END_TURN);
        }
    }
}

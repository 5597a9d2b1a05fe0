package ai.letta.code.testkit.script;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One thing the scripted model does inside a {@link TurnScript.Step}, in order. Each wire renders a part its own
 * way: a Letta message frame for {@code FakeLettaApi}, a chat-completions delta for {@code FakeModelEndpoint}.
 */
public sealed interface ScriptPart {

    /** Model reasoning ("thinking") text. */
    record Reasoning(String text) implements ScriptPart {
        /**
         * Validates.
         *
         * @param text the reasoning
         */
        public Reasoning {
            Objects.requireNonNull(text, "text");
        }
    }

    /** One chunk of assistant text; consecutive chunks form one message (they share an id on the Letta wire). */
    record AssistantText(String text) implements ScriptPart {
        /**
         * Validates.
         *
         * @param text the chunk
         */
        public AssistantText {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * Assistant text computed from the request being answered, e.g. to echo a tool result the script cannot know
     * in advance. Runs on the fake's event loop: keep it quick and non-blocking.
     */
    record AssistantTextFrom(Function<TurnRequest, String> text) implements ScriptPart {
        /**
         * Validates.
         *
         * @param text computes the text from the request
         */
        public AssistantTextFrom {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A call of a client-side tool (the CLI executes it). {@code id} may be null: the fake then assigns
     * {@code call_fake_<n>}, counting from 1 per fake instance, so ids are stable within a test.
     */
    record ToolCall(String id, String name, Map<String, Object> arguments) implements ScriptPart {
        /**
         * Validates and copies the arguments, keeping their order.
         *
         * @param id the call's id, or null
         * @param name the tool
         * @param arguments the call's arguments
         */
        public ToolCall {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(arguments, "arguments");
            // Insertion order is kept so the rendered JSON arguments read as the test wrote them.
            arguments = Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
        }
    }

    /** Waits before the next frame, on top of the script's chunk delay. */
    record Pause(Duration duration) implements ScriptPart {
        /**
         * Validates.
         *
         * @param duration the pause, not negative
         */
        public Pause {
            if (duration == null || duration.isNegative()) {
                throw new IllegalArgumentException("pause duration must be >= 0, was " + duration);
            }
        }
    }

    /** Holds the stream (already-sent frames stay sent) until the gate is opened. */
    record AwaitGate(Gate gate) implements ScriptPart {
        /**
         * Validates.
         *
         * @param gate the gate
         */
        public AwaitGate {
            Objects.requireNonNull(gate, "gate");
        }
    }
}

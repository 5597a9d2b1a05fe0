package ai.letta.code.api.permission;

import ai.letta.code.internal.Checks;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The answer to a {@link ToolPermissionRequest}: allow (optionally with edited input) or deny. */
public sealed interface PermissionDecision {

    /** @return allow the call with its original input */
    static Allow allow() {
        return new Allow(null);
    }

    /**
     * @param updatedInput the input the tool should run with instead
     * @return allow the call with edited input
     */
    static Allow allow(Map<String, Object> updatedInput) {
        return new Allow(Checks.requireNonNull(updatedInput, "PermissionDecision.allow updatedInput"));
    }

    /**
     * @param message why; the model receives it
     * @return deny the call; the turn continues and the model sees the message
     */
    static Deny deny(String message) {
        return new Deny(message, false);
    }

    /**
     * @param message why; the model receives it
     * @return deny the call and interrupt the turn
     */
    static Deny denyAndInterrupt(String message) {
        return new Deny(message, true);
    }

    /** Allow the tool call, with its original input or an edited one. */
    final class Allow implements PermissionDecision {
        private final Map<String, Object> updatedInput;

        private Allow(Map<String, Object> updatedInput) {
            this.updatedInput = updatedInput == null ? null
                    : Collections.unmodifiableMap(new LinkedHashMap<>(updatedInput));
        }

        /** @return the input the tool runs with instead of its original, if the decision edits it */
        public Optional<Map<String, Object>> updatedInput() {
            return Optional.ofNullable(updatedInput);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Allow a && Objects.equals(updatedInput, a.updatedInput);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(updatedInput);
        }

        @Override
        public String toString() {
            return "Allow[updatedInput=" + updatedInput + "]";
        }
    }

    /**
     * Deny the tool call.
     *
     * @param message the reason, passed to the model
     * @param interrupt whether to end the turn too
     */
    record Deny(String message, boolean interrupt) implements PermissionDecision {
        /**
         * Validates the message.
         *
         * @param message the reason, passed to the model
         * @param interrupt whether to end the turn too
         */
        public Deny {
            Checks.requireText(message, "PermissionDecision.deny message");
        }
    }
}

package ai.letta.code.api;

import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.internal.Checks;

/**
 * When the agent's sleep-time reflection ("dreaming") runs: it reviews recent turns and tidies its memory in the
 * background.
 *
 * <pre>{@code SessionOptions.builder().dreaming(Dreaming.stepCount(8))}</pre>
 *
 * @param trigger what starts a reflection
 * @param stepCount the model steps between reflections (used by {@link Trigger#STEP_COUNT}; 0 otherwise)
 */
public record Dreaming(Trigger trigger, int stepCount) {

    /** What starts a reflection. */
    public enum Trigger {
        /** Never. */
        OFF,
        /** Every {@code stepCount} model steps. */
        STEP_COUNT,
        /** When the conversation's context is compacted. */
        COMPACTION_EVENT
    }

    /**
     * Validates.
     *
     * @param trigger what starts a reflection
     * @param stepCount the model steps between reflections (used by {@link Trigger#STEP_COUNT}; 0 otherwise)
     */
    public Dreaming {
        Checks.requireNonNull(trigger, "Dreaming.trigger");
        if (trigger == Trigger.STEP_COUNT) {
            Checks.requirePositive(stepCount, "Dreaming.stepCount");
        } else if (stepCount < 0) {
            throw new ConfigurationException("Dreaming.stepCount must not be negative (got " + stepCount + ")");
        }
    }

    /**
     * @param steps the model steps between reflections; must be positive
     * @return reflect every {@code steps} steps
     */
    public static Dreaming stepCount(int steps) {
        return new Dreaming(Trigger.STEP_COUNT, steps);
    }

    /** @return reflect when the context is compacted */
    public static Dreaming onCompaction() {
        return new Dreaming(Trigger.COMPACTION_EVENT, 0);
    }

    /** @return never reflect */
    public static Dreaming off() {
        return new Dreaming(Trigger.OFF, 0);
    }
}

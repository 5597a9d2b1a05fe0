package ai.letta.code.api.model;

import ai.letta.code.internal.Checks;

/**
 * How hard the model reasons. An open value type: which levels a model accepts is listed per model in
 * {@link ModelEntry#reasoningEfforts()}; other names are kept as given.
 *
 * @param value the level's name
 */
public record ReasoningEffort(String value) {
    /** No reasoning. */
    public static final ReasoningEffort NONE = new ReasoningEffort("none");
    /** Minimal reasoning. */
    public static final ReasoningEffort MINIMAL = new ReasoningEffort("minimal");
    /** Low reasoning effort. */
    public static final ReasoningEffort LOW = new ReasoningEffort("low");
    /** Medium reasoning effort. */
    public static final ReasoningEffort MEDIUM = new ReasoningEffort("medium");
    /** High reasoning effort. */
    public static final ReasoningEffort HIGH = new ReasoningEffort("high");
    /** The highest effort some models offer. */
    public static final ReasoningEffort XHIGH = new ReasoningEffort("xhigh");

    /**
     * Validates the name.
     *
     * @param value the level's name
     */
    public ReasoningEffort {
        Checks.requireText(value, "ReasoningEffort");
    }

    /**
     * @param value a level name
     * @return the value type
     */
    public static ReasoningEffort of(String value) {
        return new ReasoningEffort(Checks.requireText(value, "ReasoningEffort").strip());
    }

    @Override
    public String toString() {
        return value;
    }
}

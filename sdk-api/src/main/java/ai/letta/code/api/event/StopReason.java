package ai.letta.code.api.event;

/**
 * Why the model stopped. An open value type: the peer may send reasons this SDK does not list; they are kept.
 *
 * @param value the peer's name for it
 */
public record StopReason(String value) {
    /** The model finished its answer. */
    public static final StopReason END_TURN = new StopReason("end_turn");
    /** The model called a tool that needs approval. */
    public static final StopReason REQUIRES_APPROVAL = new StopReason("requires_approval");
    /** The turn was cancelled. */
    public static final StopReason CANCELLED = new StopReason("cancelled");
    /** The step limit was reached. */
    public static final StopReason MAX_STEPS = new StopReason("max_steps");
    /** A tool rule ended the turn. */
    public static final StopReason TOOL_RULE = new StopReason("tool_rule");
    /** The peer failed. */
    public static final StopReason ERROR = new StopReason("error");
    /** The model provider failed. */
    public static final StopReason LLM_API_ERROR = new StopReason("llm_api_error");

    /**
     * Keeps the value non-blank.
     *
     * @param value the peer's name for it
     */
    public StopReason {
        if (value == null || value.isBlank()) {
            value = "unknown";
        }
    }

    /**
     * @param value a stop reason as the peer names it
     * @return the value type
     */
    public static StopReason of(String value) {
        return new StopReason(value);
    }

    @Override
    public String toString() {
        return value;
    }
}

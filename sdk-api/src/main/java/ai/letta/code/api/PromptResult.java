package ai.letta.code.api;

import ai.letta.code.api.event.Result;
import ai.letta.code.api.event.SessionEvent;
import java.util.List;

/**
 * The outcome of a one-shot {@code LettaCodeClient.prompt}: {@link #result()} is the answer text, as the TypeScript
 * SDK's {@code result.result}; {@link #turn()} is the whole turn's {@link Result}.
 *
 * @param agentId the agent that answered
 * @param conversationId the conversation the prompt ran in
 * @param turn the turn's result event (its status, error, duration, run ids)
 * @param events every event of the turn, in order, the result last
 */
public record PromptResult(String agentId, String conversationId, Result turn, List<SessionEvent> events) {
    /**
     * Copies the events.
     *
     * @param agentId the agent that answered
     * @param conversationId the conversation the prompt ran in
     * @param turn the turn's result event (its status, error, duration, run ids)
     * @param events every event of the turn, in order, the result last
     */
    public PromptResult {
        events = List.copyOf(events);
    }

    /** @return whether the turn succeeded */
    public boolean success() {
        return turn.success();
    }

    /** @return the answer text (the turn's {@link Result#result()}), or the empty string if it had none */
    public String result() {
        return turn.result().orElse("");
    }
}

package ai.letta.code.api;

import ai.letta.code.api.event.Result;
import ai.letta.code.api.event.SessionEvent;
import java.util.List;

/**
 * The outcome of a one-shot {@code LettaCodeClient.prompt}.
 *
 * @param agentId the agent that answered
 * @param conversationId the conversation the prompt ran in
 * @param result the turn's result
 * @param events every event of the turn, in order, the result last
 */
public record PromptResult(String agentId, String conversationId, Result result, List<SessionEvent> events) {
    /** Copies the events. */
    public PromptResult {
        events = List.copyOf(events);
    }

    /** @return whether the turn succeeded */
    public boolean success() {
        return result.success();
    }

    /** @return the final text, or the empty string */
    public String text() {
        return result.resultText().orElse("");
    }
}

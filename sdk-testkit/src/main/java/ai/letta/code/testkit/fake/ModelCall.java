package ai.letta.code.testkit.fake;

import ai.letta.code.testkit.script.TurnRequest;

/**
 * One request the scripted model received from the {@link InMemoryTransport}: what a real peer would have sent
 * to the provider. Immutable.
 *
 * @param conversationId the conversation
 * @param model the model handle, e.g. {@code fake/model-a}
 * @param reasoningEffort the reasoning effort, or {@code null} for the model's default
 * @param systemPrompt the compiled system prompt (base prompt plus memory blocks)
 * @param userText the user text of the turn (merged messages joined by newlines), {@code ""} for a tool result
 * @param toolResult the tool result the request carries back, or {@code null}
 */
public record ModelCall(String conversationId, String model, String reasoningEffort, String systemPrompt,
        String userText, TurnRequest.ToolResult toolResult) {}

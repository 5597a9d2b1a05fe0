package ai.letta.code.examples;

/**
 * What the conversation examples print: where a message went and what came back.
 *
 * @param agentId the agent
 * @param conversationId the conversation the session was on
 * @param answer the turn's answer text
 */
public record ConversationTurn(String agentId, String conversationId, String answer) {}

package ai.letta.code.api.conversation;

import java.time.Instant;

/**
 * A conversation: one thread of messages with an agent. An agent has many; its {@code default} conversation is
 * what {@code resumeSession(agentId)} opens.
 *
 * @param id the conversation id (never the {@code default} alias where the backend resolves it)
 * @param agentId the agent it belongs to
 * @param summary the backend's summary, or {@code null}
 * @param createdAt when it was created, or {@code null}
 */
public record ConversationInfo(String id, String agentId, String summary, Instant createdAt) {}

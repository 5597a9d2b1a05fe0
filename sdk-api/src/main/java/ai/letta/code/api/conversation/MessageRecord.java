package ai.letta.code.api.conversation;

import java.time.Instant;

/**
 * A stored message of a conversation.
 *
 * @param id the message id
 * @param messageType the backend's type, e.g. {@code user_message}, {@code assistant_message},
 *     {@code tool_call_message}
 * @param text the message's text (for a tool call: its arguments; for a tool return: its output), or {@code null}
 * @param date when it was written, or {@code null}
 * @param runId the run that wrote it, or {@code null}
 */
public record MessageRecord(String id, String messageType, String text, Instant date, String runId) {}

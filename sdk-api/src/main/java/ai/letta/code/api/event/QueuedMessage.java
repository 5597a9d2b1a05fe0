package ai.letta.code.api.event;

/**
 * A message waiting for its turn.
 *
 * @param id the peer's queue item id (what {@code removeQueuedMessage} takes)
 * @param clientMessageId the id the SDK gave the message when it was sent, or {@code null}
 * @param kind what it is, e.g. {@code message}
 * @param source who queued it, e.g. {@code user}
 * @param content the text, where the peer reports it, or {@code null}
 */
public record QueuedMessage(String id, String clientMessageId, String kind, String source, String content) {}

package ai.letta.code.api.event;

import java.util.Objects;
import java.util.Optional;

/**
 * A message waiting for its turn.
 */
public final class QueuedMessage {
    private final String id;
    private final String clientMessageId;
    private final String kind;
    private final String source;
    private final String content;

    /**
     * For transports, which decode it from their peer.
     *
     * @param id the peer's queue item id (what {@code removeQueuedMessage} takes)
     * @param clientMessageId the id the SDK gave the message when it was sent, or {@code null}
     * @param kind what it is, e.g. {@code message}
     * @param source who queued it, e.g. {@code user}
     * @param content the text, where the peer reports it, or {@code null}
     */
    public QueuedMessage(String id, String clientMessageId, String kind, String source, String content) {
        this.id = id;
        this.clientMessageId = clientMessageId;
        this.kind = kind;
        this.source = source;
        this.content = content;
    }

    /** @return the peer's queue item id (what {@code removeQueuedMessage} takes) */
    public String id() {
        return id;
    }

    /** @return the id the SDK gave the message when it was sent, if any */
    public Optional<String> clientMessageId() {
        return Optional.ofNullable(clientMessageId);
    }

    /** @return what it is, e.g. {@code message} */
    public String kind() {
        return kind;
    }

    /** @return who queued it, e.g. {@code user} */
    public String source() {
        return source;
    }

    /** @return the text, where the peer reports it, if any */
    public Optional<String> content() {
        return Optional.ofNullable(content);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof QueuedMessage o && Objects.equals(id, o.id)
                && Objects.equals(clientMessageId, o.clientMessageId) && Objects.equals(kind, o.kind)
                && Objects.equals(source, o.source) && Objects.equals(content, o.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, clientMessageId, kind, source, content);
    }

    @Override
    public String toString() {
        return "QueuedMessage[id=" + id + ", clientMessageId=" + clientMessageId + ", kind=" + kind + ", source="
                + source + ", content=" + content + "]";
    }
}

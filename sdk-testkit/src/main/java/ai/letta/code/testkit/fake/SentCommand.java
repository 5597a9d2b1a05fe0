package ai.letta.code.testkit.fake;

import java.time.Instant;
import java.util.Objects;

/**
 * One command the engine sent to the {@link InMemoryTransport}, recorded for assertions (like MockWebServer's
 * {@code RecordedRequest}). Immutable.
 *
 * @param conversationId the session's conversation
 * @param kind what was sent
 * @param payload the command's argument: the {@code UserMessage}, the {@code PermissionDecision}, the
 *     {@code ModelUpdate}, the {@code Dreaming}, the raw command map, the queue id; {@code null} for interrupt and
 *     close
 * @param detail a short detail: the client message id, the permission request id, or {@code null}
 * @param at when it was sent
 */
public record SentCommand(String conversationId, Kind kind, Object payload, String detail, Instant at) {

    /** What the engine sent. */
    public enum Kind {
        /** {@code SessionChannel.send}. */
        SEND,
        /** {@code SessionChannel.interrupt}. */
        INTERRUPT,
        /** {@code SessionChannel.answer}. */
        ANSWER,
        /** {@code SessionChannel.updateModel}. */
        UPDATE_MODEL,
        /** {@code SessionChannel.updateDreaming}. */
        UPDATE_DREAMING,
        /** {@code SessionChannel.removeQueued}. */
        REMOVE_QUEUED,
        /** {@code SessionChannel.sendRaw}. */
        RAW,
        /** {@code SessionChannel.request}. */
        REQUEST,
        /** {@code SessionChannel.close}. */
        CLOSE
    }

    /**
     * Validates.
     *
     * @param conversationId the conversation
     * @param kind what was sent
     * @param payload what it carried
     * @param detail more about it
     * @param at when
     */
    public SentCommand {
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
    }
}

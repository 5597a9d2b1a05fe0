package ai.letta.code.api.message;

import ai.letta.code.api.event.AssistantMessage;
import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.api.event.StopReason;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The answer to a non-streaming send ({@code LettaResponse}): the Letta messages the agent produced, why it
 * stopped, and what it cost. The messages are the same {@link SessionEvent} values a session streams (see
 * {@link Messages} for the mapping), so one {@code switch} reads both. Immutable.
 */
public final class MessageResponse {
    private final List<SessionEvent> messages;
    private final StopReason stopReason;
    private final Usage usage;
    private final Map<String, Object> extras;

    /**
     * For transports, which decode it from their peer.
     *
     * @param messages the messages, in order
     * @param stopReason why the agent stopped; {@code null} reads as {@code unknown}
     * @param usage what it cost; {@code null} reads as {@link Usage#NONE}
     * @param extras the response's JSON fields the SDK does not model (e.g. {@code logprobs})
     */
    public MessageResponse(List<SessionEvent> messages, StopReason stopReason, Usage usage,
            Map<String, Object> extras) {
        this.messages = messages == null ? List.of() : List.copyOf(messages);
        this.stopReason = stopReason == null ? StopReason.of(null) : stopReason;
        this.usage = usage == null ? Usage.NONE : usage;
        this.extras = extras == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    }

    /** @return the messages, in the order the agent produced them */
    public List<SessionEvent> messages() {
        return messages;
    }

    /** @return why the agent stopped, e.g. {@link StopReason#END_TURN} or {@link StopReason#REQUIRES_APPROVAL} */
    public StopReason stopReason() {
        return stopReason;
    }

    /** @return what the request cost */
    public Usage usage() {
        return usage;
    }

    /** @return the response's JSON fields the SDK does not model, as plain Java values */
    public Map<String, Object> extras() {
        return extras;
    }

    /** @return the assistant's text: every {@link AssistantMessage} joined by newlines ({@code ""} if none) */
    public String text() {
        return messages.stream().filter(AssistantMessage.class::isInstance).map(m -> ((AssistantMessage) m).content())
                .collect(Collectors.joining("\n"));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MessageResponse o && messages.equals(o.messages) && stopReason.equals(o.stopReason)
                && usage.equals(o.usage) && extras.equals(o.extras);
    }

    @Override
    public int hashCode() {
        return Objects.hash(messages, stopReason, usage, extras);
    }

    @Override
    public String toString() {
        return "MessageResponse[messages=" + messages + ", stopReason=" + stopReason + ", usage=" + usage + "]";
    }
}

package ai.letta.code.transport.cloud.http;

import ai.letta.code.api.exception.MalformedFrameException;
import ai.letta.code.internal.Checks;
import tools.jackson.databind.JsonNode;

/**
 * One server-sent event: its {@code event:} name ({@code null} for a data-only event, the Letta default), its
 * {@code data:} lines joined by {@code \n}, and its {@code id:} ({@code null} if none).
 *
 * @param event the event name, or {@code null}
 * @param data the data, never {@code null}
 * @param id the last event id, or {@code null}
 */
public record SseEvent(String event, String data, String id) {

    /**
     * Validates.
     *
     * @param event the event name, or {@code null}
     * @param data the data, never {@code null}
     * @param id the last event id, or {@code null}
     */
    public SseEvent {
        Checks.requireNonNull(data, "data");
    }

    /**
     * @param what the request the event belongs to, for the message
     * @return the data parsed as JSON
     * @throws MalformedFrameException if it is not JSON
     */
    public JsonNode json(String what) {
        JsonNode tree = JsonCodec.tree(data.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (tree == null) {
            throw new MalformedFrameException("the Letta API streamed an event that is not JSON for " + what + " ("
                    + data.length() + " chars)");
        }
        return tree;
    }

    /** Shows the size, not the data: an event may carry anything. */
    @Override
    public String toString() {
        return "SseEvent[event=" + event + ", data=<" + data.length() + " chars>, id=" + id + "]";
    }
}

package ai.letta.code.transport.remote.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.JsonNode;

/**
 * One entry of an {@code update_queue} snapshot (spec §2.3): a waiting input, or (in {@code removed}) one that left
 * the queue with a disposition ({@code dequeued} when a turn took it up, {@code cancelled} when removed).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record WireQueueItem(String id, String clientMessageId, String kind, String source, JsonNode content,
        String disposition) {
}

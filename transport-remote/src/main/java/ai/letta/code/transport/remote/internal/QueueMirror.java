package ai.letta.code.transport.remote.internal;

import ai.letta.code.api.event.QueueUpdate;
import ai.letta.code.api.event.QueuedMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The server's input queue of one runtime as its last {@code update_queue} showed it (spec §2.3: a full snapshot
 * plus the items removed since, {@code dequeued} or {@code cancelled}). Snapshots coalesce, so they are compared,
 * never counted. Not thread-safe: used on the event loop.
 */
final class QueueMirror {

    /**
     * What one {@code update_queue} changed.
     *
     * @param dequeued client message ids the server took up for a turn, in order
     * @param cancelled client message ids removed without running
     * @param itemIds the queued items now: client message id to queue item id
     * @param update the event to emit, or {@code null} if the queue looks as before
     */
    record Change(List<String> dequeued, List<String> cancelled, Map<String, String> itemIds, QueueUpdate update) {
    }

    private final FrameCodec codec;
    private List<QueuedMessage> last = List.of();

    QueueMirror(FrameCodec codec) {
        this.codec = codec;
    }

    /**
     * @param idOrClientMessageId a queue item id or a client message id
     * @return the server's queue item id, or {@code null} if not queued
     */
    String itemId(String idOrClientMessageId) {
        for (QueuedMessage item : last) {
            if (idOrClientMessageId.equals(item.id())
                    || item.clientMessageId().filter(idOrClientMessageId::equals).isPresent()) {
                return item.id();
            }
        }
        return null;
    }

    /**
     * @param json an {@code update_queue} frame
     * @return what changed
     */
    Change apply(JsonNode json) {
        List<String> dequeued = new ArrayList<>();
        List<String> cancelled = new ArrayList<>();
        for (JsonNode node : iterable(json.get("removed"))) {
            WireQueueItem removed = codec.read(node, WireQueueItem.class);
            if (removed.clientMessageId() == null) {
                continue;
            }
            if ("dequeued".equals(removed.disposition())) {
                dequeued.add(removed.clientMessageId());
            } else if ("cancelled".equals(removed.disposition())) {
                cancelled.add(removed.clientMessageId());
            }
        }
        List<QueuedMessage> queue = new ArrayList<>();
        Map<String, String> itemIds = new LinkedHashMap<>();
        for (JsonNode node : iterable(json.get("queue"))) {
            WireQueueItem item = codec.read(node, WireQueueItem.class);
            queue.add(new QueuedMessage(item.id(), item.clientMessageId(), item.kind(), item.source(),
                    item.content() == null ? null : Json.content(item.content())));
            if (item.clientMessageId() != null && item.id() != null) {
                itemIds.put(item.clientMessageId(), item.id());
            }
        }
        QueueUpdate update = null;
        if (!queue.equals(last)) {
            last = List.copyOf(queue);
            update = new QueueUpdate(last);
        }
        return new Change(dequeued, cancelled, itemIds, update);
    }

    /** @return the array's object elements (a null or a scalar is no queue item), or none */
    private static Iterable<JsonNode> iterable(JsonNode array) {
        if (array == null || !array.isArray()) {
            return List.of();
        }
        List<JsonNode> objects = new ArrayList<>();
        array.forEach(node -> {
            if (node.isObject()) {
                objects.add(node);
            }
        });
        return objects;
    }
}

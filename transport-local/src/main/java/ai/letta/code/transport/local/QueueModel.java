package ai.letta.code.transport.local;

import ai.letta.code.api.event.QueueUpdate;
import ai.letta.code.api.event.QueuedMessage;
import ai.letta.code.transport.local.WireMessage.QueueCleared;
import ai.letta.code.transport.local.WireMessage.QueueDequeued;
import ai.letta.code.transport.local.WireMessage.QueueDropped;
import ai.letta.code.transport.local.WireMessage.QueueEnqueued;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The CLI's input queue, rebuilt from its {@code queue_*} lines so stdio can offer the seed's {@code queue_update}
 * (an app-server-era event with no stdio counterpart, local-stdio.md §3.2).
 *
 * <p>The CLI numbers queue items itself ({@code q-1}, {@code cm-q-1}); the engine knows its messages by its own
 * client message ids. User lines are queued in the order they were written, so each {@code source:"user"} item is
 * matched to the oldest engine id sent and not yet seen. Mutated only on the reader thread, except
 * {@link #sent(String)}, which is thread-safe.
 */
final class QueueModel {

    private final Queue<String> sentIds = new ConcurrentLinkedQueue<>();
    private final Map<String, QueuedMessage> items = new LinkedHashMap<>();

    /** @param clientMessageId the engine's id of a user line just written to stdin */
    void sent(String clientMessageId) {
        sentIds.add(clientMessageId);
    }

    /** @return the update to emit */
    QueueUpdate enqueued(QueueEnqueued line) {
        String clientId = "user".equals(line.source()) ? sentIds.poll() : null;
        items.put(line.itemId(), new QueuedMessage(line.itemId(), clientId != null ? clientId : line.clientMessageId(),
                line.kind(), line.source(), line.content()));
        return snapshot();
    }

    /**
     * @param line the batch that starts a turn
     * @return the engine's client message ids the turn covers, in order
     */
    List<String> dequeued(QueueDequeued line) {
        List<String> ids = new ArrayList<>();
        for (String itemId : line.itemIds()) {
            QueuedMessage item = items.remove(itemId);
            if (item != null && item.clientMessageId() != null) {
                ids.add(item.clientMessageId());
            }
        }
        return ids;
    }

    /** @return the update to emit, if the item was queued */
    Optional<QueueUpdate> dropped(QueueDropped line) {
        return items.remove(line.itemId()) == null ? Optional.empty() : Optional.of(snapshot());
    }

    /** @return the update to emit, if anything was queued */
    Optional<QueueUpdate> cleared(QueueCleared line) {
        if (items.isEmpty()) {
            return Optional.empty();
        }
        items.clear();
        return Optional.of(snapshot());
    }

    QueueUpdate snapshot() {
        return new QueueUpdate(new ArrayList<>(items.values()));
    }
}

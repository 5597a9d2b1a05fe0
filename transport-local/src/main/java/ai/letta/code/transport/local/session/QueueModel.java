package ai.letta.code.transport.local.session;

import ai.letta.code.api.event.QueueUpdate;
import ai.letta.code.api.event.QueuedMessage;
import ai.letta.code.transport.local.wire.WireMessage.QueueCleared;
import ai.letta.code.transport.local.wire.WireMessage.QueueDequeued;
import ai.letta.code.transport.local.wire.WireMessage.QueueDropped;
import ai.letta.code.transport.local.wire.WireMessage.QueueEnqueued;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The session's input queue as the user sees it, for the seed's {@code queue_update} (an app-server-era event with
 * no stdio counterpart, local-stdio.md §3.2). Two parts:
 * <ul>
 *   <li><b>held</b> messages: sent by the user while a turn runs and not yet written to the CLI. The channel writes
 *       one user line at a time, the next only after the previous turn's {@code result}, so a waiting message can
 *       still be removed ({@code removeQueuedMessage}) and survives a respawn of the CLI process;</li>
 *   <li><b>CLI items</b>: what the CLI's {@code queue_*} lines report. A user line just written is enqueued and
 *       dequeued by the CLI at once; it is matched to the engine's client message id (the CLI numbers items
 *       itself) but never shown as waiting. Items from other sources (task notifications, cron) are shown until
 *       dequeued.</li>
 * </ul>
 *
 * <p>Not thread-safe: the channel calls it under its sink lock.
 */
final class QueueModel {

    /** A message the user sent that waits behind the running turn. */
    record Held(String clientMessageId, String line, QueuedMessage shown) {}

    private final Deque<Held> held = new ArrayDeque<>();
    private final Deque<String> written = new ArrayDeque<>();
    private final Map<String, QueuedMessage> cliItems = new LinkedHashMap<>();
    private final Map<String, String> clientIds = new LinkedHashMap<>();

    /**
     * @param clientMessageId the engine's id
     * @param line the user line to write later
     * @param content the text to show in the queue
     * @return the update to emit
     */
    QueueUpdate hold(String clientMessageId, String line, String content) {
        held.add(new Held(clientMessageId, line, new QueuedMessage(clientMessageId, clientMessageId, "message",
                "user", content)));
        return snapshot();
    }

    /** @return the oldest held message, removed, if any */
    Optional<Held> nextHeld() {
        return Optional.ofNullable(held.poll());
    }

    /** @return whether messages wait to be written */
    boolean hasHeld() {
        return !held.isEmpty();
    }

    /**
     * @param id a client message id of a held message
     * @return whether it was held (and is now removed)
     */
    boolean removeHeld(String id) {
        for (Iterator<Held> it = held.iterator(); it.hasNext();) {
            if (it.next().clientMessageId().equals(id)) {
                it.remove();
                return true;
            }
        }
        return false;
    }

    /** @param clientMessageId the engine's id of a user line about to be written to stdin */
    void written(String clientMessageId) {
        written.add(clientMessageId);
    }

    /**
     * @param line the CLI queued an item
     * @return the update to emit, if what the user sees changed
     */
    Optional<QueueUpdate> enqueued(QueueEnqueued line) {
        if ("user".equals(line.source())) {
            String clientId = written.poll();
            clientIds.put(line.itemId(), clientId != null ? clientId : line.clientMessageId());
            return Optional.empty();
        }
        cliItems.put(line.itemId(), new QueuedMessage(line.itemId(), line.clientMessageId(), line.kind(),
                line.source(), line.content()));
        return Optional.of(snapshot());
    }

    /**
     * What a dequeued batch means.
     *
     * @param clientMessageIds the engine's client message ids the turn covers, in order
     * @param update the update to emit, if what the user sees changed
     */
    record Dequeued(List<String> clientMessageIds, Optional<QueueUpdate> update) {}

    /**
     * @param line the batch that starts a turn
     * @return the ids it covers, and the update to emit
     */
    Dequeued dequeued(QueueDequeued line) {
        List<String> ids = new ArrayList<>();
        boolean shownChanged = false;
        for (String itemId : line.itemIds()) {
            String clientId = clientIds.remove(itemId);
            QueuedMessage item = cliItems.remove(itemId);
            shownChanged |= item != null;
            if (clientId != null) {
                ids.add(clientId);
            } else if (item != null) {
                item.clientMessageId().ifPresent(ids::add);
            }
        }
        return new Dequeued(ids, shownChanged ? Optional.of(snapshot()) : Optional.empty());
    }

    /** @return the update to emit, if the item was shown */
    Optional<QueueUpdate> dropped(QueueDropped line) {
        clientIds.remove(line.itemId());
        return cliItems.remove(line.itemId()) == null ? Optional.empty() : Optional.of(snapshot());
    }

    /** @return the update to emit, if anything the CLI reported was shown */
    Optional<QueueUpdate> cleared(QueueCleared line) {
        clientIds.clear();
        if (cliItems.isEmpty()) {
            return Optional.empty();
        }
        cliItems.clear();
        return Optional.of(snapshot());
    }

    /** Forgets what the CLI reported: its process was replaced (held messages stay). */
    void forgetCli() {
        written.clear();
        cliItems.clear();
        clientIds.clear();
    }

    /** @return what waits: the CLI's own items, then the held messages */
    QueueUpdate snapshot() {
        List<QueuedMessage> all = new ArrayList<>(cliItems.values());
        held.forEach(h -> all.add(h.shown()));
        return new QueueUpdate(all);
    }
}

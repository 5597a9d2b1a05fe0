package ai.letta.code.api.event;

import java.util.List;

/**
 * The peer's input queue changed: a message was queued behind the running turn, or taken up by a new turn.
 *
 * @param queue the messages still waiting, oldest first
 */
public record QueueUpdate(List<QueuedMessage> queue) implements SessionEvent {
    /**
     * Copies the queue.
     *
     * @param queue the messages still waiting, oldest first
     */
    public QueueUpdate {
        queue = queue == null ? List.of() : List.copyOf(queue);
    }

    @Override
    public String type() {
        return "queue_update";
    }
}

package ai.letta.code.core.engine;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Counts the messages sent but not yet answered by a {@code Result}, twice over:
 * <ul>
 *   <li>{@code pending}, counted the moment {@code send()} is called, says whether the user has a turn running
 *       (streams, {@code abort()} and the session state go by it);
 *   <li>{@code accepting}, counted by a marker the send puts on the session's serial executor before the message
 *       reaches the peer, says whether an event being dispatched belongs to a turn. Events the peer sent before the
 *       message was written sit ahead of the marker, so they are recognised as stale even if dispatched later.
 * </ul>
 * A peer may merge queued messages into one turn ({@code onTurnStarted} says how many); otherwise each result
 * answers one message. Thread-safe.
 */
final class TurnLedger {
    private final ReentrantLock lock = new ReentrantLock();
    private int pending;
    private int accepting;
    private long sent;
    private long answered;
    private long discardUpTo;
    private int currentTurnSize = 1;
    private int interruptedResultsToSwallow;

    /** User thread: a message is about to be sent. */
    void onSend() {
        update(() -> {
            pending++;
            sent++;
        });
    }

    /** User thread: the send failed before reaching the peer. */
    void undoSend() {
        update(() -> {
            pending = Math.max(0, pending - 1);
            sent = Math.max(answered, sent - 1);
        });
    }

    /** Serial executor: the marker of a send; events dispatched from now on may belong to its turn. */
    void markSent() {
        update(() -> accepting++);
    }

    /** Serial executor: the marker of a send that failed. */
    void unmarkSent() {
        update(() -> accepting = Math.max(0, accepting - 1));
    }

    void onTurnStarted(int mergedCount) {
        update(() -> currentTurnSize = Math.max(1, mergedCount));
    }

    /**
     * Asked before the result is handed to the reader and {@link #onResult()} is called: the reader decides a stream
     * has ended when nothing is pending and nothing is buffered, so the count may only drop once the result is in the
     * buffer.
     *
     * @return whether no sent message will remain unanswered after the running turn's result
     */
    boolean resultEndsStream() {
        lock.lock();
        try {
            return pending - currentTurnSize <= 0;
        } finally {
            lock.unlock();
        }
    }

    /** The running turn's result was delivered. */
    void onResult() {
        update(this::consumeTurn);
    }

    /** @return whether the user has sent a message whose turn has not ended */
    boolean busy() {
        lock.lock();
        try {
            return pending > 0;
        } finally {
            lock.unlock();
        }
    }

    /** @return whether an event dispatched now belongs to a turn */
    boolean accepting() {
        lock.lock();
        try {
            return accepting > 0;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The engine ended the running turn itself (idle timeout, abort timeout, overflow): the peer's own interrupted
     * result may still come and must not be taken for the next turn's.
     */
    void endLocally() {
        update(() -> {
            consumeTurn();
            interruptedResultsToSwallow++;
        });
    }

    /** Forgets everything outstanding: the session is closing or its transport is gone. */
    void clear() {
        update(() -> {
            pending = 0;
            accepting = 0;
            answered = sent;
            currentTurnSize = 1;
        });
    }

    /** A reader gave up on its stream: the events of every message sent so far are to be dropped. */
    void abandonSentSoFar() {
        update(() -> discardUpTo = sent);
    }

    /** @return whether events dispatched now belong to a stream its reader gave up on */
    boolean discarding() {
        lock.lock();
        try {
            return answered < discardUpTo;
        } finally {
            lock.unlock();
        }
    }

    /** @return whether a late interrupted result of a turn the engine already ended should be dropped */
    boolean swallowLateInterruptedResult() {
        lock.lock();
        try {
            if (interruptedResultsToSwallow > 0) {
                interruptedResultsToSwallow--;
                return true;
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    private void consumeTurn() {
        answered = Math.min(sent, answered + currentTurnSize);
        pending = Math.max(0, pending - currentTurnSize);
        accepting = Math.max(0, accepting - currentTurnSize);
        currentTurnSize = 1;
    }

    private void update(Runnable change) {
        lock.lock();
        try {
            change.run();
        } finally {
            lock.unlock();
        }
    }
}

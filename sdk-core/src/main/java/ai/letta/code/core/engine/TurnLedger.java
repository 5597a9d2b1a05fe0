package ai.letta.code.core.engine;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Counts the messages sent but not yet answered by a {@code Result}. A peer may merge queued messages into one turn
 * ({@code onTurnStarted} says how many); otherwise each result answers one message. Thread-safe: sends come from
 * user threads, results from the session's serial executor.
 */
final class TurnLedger {
    private final ReentrantLock lock = new ReentrantLock();
    private int outstanding;
    private int currentTurnSize = 1;
    private int interruptedResultsToSwallow;

    void onSend() {
        lock.lock();
        try {
            outstanding++;
        } finally {
            lock.unlock();
        }
    }

    void undoSend() {
        lock.lock();
        try {
            outstanding = Math.max(0, outstanding - 1);
        } finally {
            lock.unlock();
        }
    }

    void onTurnStarted(int mergedCount) {
        lock.lock();
        try {
            currentTurnSize = Math.max(1, mergedCount);
        } finally {
            lock.unlock();
        }
    }

    /** @return whether no sent message remains unanswered after this result */
    boolean onResult() {
        lock.lock();
        try {
            outstanding = Math.max(0, outstanding - currentTurnSize);
            currentTurnSize = 1;
            return outstanding == 0;
        } finally {
            lock.unlock();
        }
    }

    boolean busy() {
        lock.lock();
        try {
            return outstanding > 0;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The engine ended the running turn itself (idle timeout, abort timeout): the peer's own interrupted result may
     * still come and must not be taken for the next turn's.
     */
    void endLocally() {
        lock.lock();
        try {
            outstanding = Math.max(0, outstanding - currentTurnSize);
            currentTurnSize = 1;
            interruptedResultsToSwallow++;
        } finally {
            lock.unlock();
        }
    }

    /** Forgets everything outstanding: the session is closing or its transport is gone. */
    void clear() {
        lock.lock();
        try {
            outstanding = 0;
            currentTurnSize = 1;
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
}

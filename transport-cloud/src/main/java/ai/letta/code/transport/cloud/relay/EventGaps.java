package ai.letta.code.transport.cloud.relay;

import java.util.TreeSet;

/**
 * Tracks the listener's {@code event_seq} to notice events the relay lost. The counter is one per listener
 * connection, shared by every conversation on it and by both sockets (cloud-relay.md §4), so gaps are normal:
 * other conversations' events are filtered out and the two sockets interleave. A gap is only a hint; the relay
 * re-syncs on it at most now and then ({@link RelayChannel}). Event-loop confined.
 */
final class EventGaps {

    /** Beyond this many out-of-order numbers the window is reset: a gap that large is not reordering. */
    private static final int WINDOW = 512;

    private long contiguous = -1;
    private final TreeSet<Long> ahead = new TreeSet<>();

    /** @param seq an event's number */
    void seen(long seq) {
        if (contiguous < 0) {
            contiguous = seq;
            return;
        }
        if (seq <= contiguous) {
            return;
        }
        if (seq == contiguous + 1) {
            contiguous = seq;
            while (!ahead.isEmpty() && ahead.first() == contiguous + 1) {
                contiguous = ahead.pollFirst();
            }
            return;
        }
        ahead.add(seq);
        if (ahead.size() > WINDOW) {
            accept();
        }
    }

    /**
     * @param seq a number already {@link #seen}
     * @return whether a number below it is still missing (it did not join the contiguous run)
     */
    boolean missingBelow(long seq) {
        return seq > contiguous;
    }

    /** @return whether numbers below the highest seen are still missing */
    boolean open() {
        return !ahead.isEmpty();
    }

    /** Gives up on the missing numbers (after a re-sync, or when they were never ours). */
    void accept() {
        if (!ahead.isEmpty()) {
            contiguous = ahead.last();
            ahead.clear();
        }
    }
}

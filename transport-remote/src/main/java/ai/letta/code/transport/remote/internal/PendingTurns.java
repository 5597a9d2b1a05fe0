package ai.letta.code.transport.remote.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Which sent messages wait for a turn and which server turns run, oldest first: a message is {@code unstarted} from
 * just before it is sent until the server starts it ({@code input_accepted{started}}) or takes it from its queue
 * (dequeued, possibly together with others as one turn). Messages failed when the socket dropped are remembered as
 * abandoned, so the server's queue can be rid of them once the session is back. A turn the server runs without any
 * of this session's messages (one that failed here when the socket dropped, which the server recovered and goes on
 * with once its approval is answered) is marked as recovered until its end. The runs of a turn failed when the socket
 * dropped are remembered as orphans: the server may still be running them, and their frames must not be taken for
 * the next message's turn. Not thread-safe: used on the event loop.
 */
final class PendingTurns {

    private final Supplier<MessageAssembler> assemblers;
    private final Set<String> unstarted = new LinkedHashSet<>();
    private final Deque<Turn> turns = new ArrayDeque<>();
    private final Set<String> abandoned = new HashSet<>();
    private final Set<String> orphanRuns = new HashSet<>();
    private boolean recovered;

    /** @param assemblers makes each turn's message assembler */
    PendingTurns(Supplier<MessageAssembler> assemblers) {
        this.assemblers = assemblers;
    }

    /** @param clientMessageId a message about to be sent */
    void expect(String clientMessageId) {
        unstarted.add(clientMessageId);
    }

    /** @param clientMessageId a message that will get no turn (refused, cancelled, never acknowledged) */
    void forget(String clientMessageId) {
        unstarted.remove(clientMessageId);
    }

    /** @param clientMessageId a waiting message the server started at once */
    void started(String clientMessageId) {
        // The server's loop was idle: no recovered turn or orphan runs any more (and a restarted server numbers
        // its runs from 1 again, so an orphan's run id may now be a new turn's).
        recovered = false;
        orphanRuns.clear();
        if (unstarted.remove(clientMessageId)) {
            turns.add(new Turn(false, clientMessageId, assemblers.get()));
        }
    }

    /**
     * @param clientMessageId a message the server took from its queue
     * @return whether it was one of this session's waiting messages
     */
    boolean dequeued(String clientMessageId) {
        if (!unstarted.remove(clientMessageId)) {
            return false;
        }
        Turn last = turns.peekLast();
        if (last != null && last.dequeued && !last.announced) {
            last.ids.add(clientMessageId);
        } else {
            turns.add(new Turn(true, clientMessageId, assemblers.get()));
        }
        return true;
    }

    /**
     * @param startIfMissing when no turn runs, start one for the oldest waiting message (the server streams a turn
     *     whose start this session did not see)
     * @return the running turn, or {@code null}
     */
    Turn current(boolean startIfMissing) {
        if (turns.isEmpty() && startIfMissing && !unstarted.isEmpty()) {
            String first = unstarted.iterator().next();
            unstarted.remove(first);
            turns.add(new Turn(false, first, assemblers.get()));
        }
        return turns.peekFirst();
    }

    /** @return the running turn, or {@code null}; never starts one */
    Turn running() {
        return turns.peekFirst();
    }

    /** Ends the running turn. */
    void finishRunning() {
        turns.pollFirst();
    }

    /** @return whether a turn runs (also a recovered one) or a sent message waits */
    boolean any() {
        return !turns.isEmpty() || !unstarted.isEmpty() || recovered;
    }

    /** Unless one of this session's turns runs, the server runs a recovered turn from now on. */
    void markRecovered() {
        if (turns.isEmpty()) {
            recovered = true;
        }
    }

    /** Unless one of this session's turns runs, no recovered turn runs (it ended, or will not go on after all). */
    void endRecovered() {
        if (turns.isEmpty()) {
            recovered = false;
        }
    }

    /** @return whether the server runs a recovered turn and none of this session's */
    boolean recoveredRunning() {
        return recovered && turns.isEmpty();
    }

    /**
     * Gives up on everything but the running turn (the socket dropped): the messages of later turns and the waiting
     * ones, which are remembered as abandoned.
     *
     * @return their client message ids, in order
     */
    List<String> abandonRest() {
        recovered = false;
        List<String> rest = new ArrayList<>();
        turns.stream().skip(1).forEach(t -> rest.addAll(t.ids));
        rest.addAll(unstarted);
        Turn first = turns.peekFirst();
        turns.clear();
        if (first != null) {
            turns.add(first);
        }
        unstarted.clear();
        abandoned.addAll(rest);
        return rest;
    }

    /** @param runIds the runs of a turn failed here that the server may go on with */
    void orphan(List<String> runIds) {
        orphanRuns.addAll(runIds);
    }

    /**
     * @param runId a frame's run, or {@code null}
     * @return whether it is one of an orphaned turn's runs
     */
    boolean isOrphanRun(String runId) {
        return runId != null && orphanRuns.contains(runId);
    }

    /** @param runId an orphaned run the server finished */
    void orphanFinished(String runId) {
        orphanRuns.remove(runId);
    }

    /**
     * @param clientMessageId a message the server's queue still holds
     * @return whether it was abandoned (take it out of the queue), once
     */
    boolean takeAbandoned(String clientMessageId) {
        return abandoned.remove(clientMessageId);
    }
}

package ai.letta.code.transport.local.session;

import ai.letta.code.api.event.ErrorCode;
import ai.letta.code.api.exception.TransportLostException;
import ai.letta.code.spi.Results;
import ai.letta.code.transport.local.process.StdinWriter;
import java.util.Optional;

/**
 * One turn at a time, on the CLI process that serves the session now. A user line is written only when no turn
 * runs; a message sent meanwhile is held in the {@link QueueModel} and written after the running turn's
 * {@code result}. The CLI would queue it too, but held here it can still be removed, shows in {@code queue_update}s,
 * and survives a replacement of the process ({@link ProcessReplacement}).
 *
 * <p>Keeps which process serves (and the last one, which close stops), whether a turn runs, how many turns ended,
 * and whether the process is being replaced or the session closes. Every method takes the sink's lock, so this
 * state changes in step with the events the sink receives, unless it says it runs under that lock already.
 */
final class TurnGate {

    /**
     * What became of a user message.
     *
     * @param writeTo the process to write it to now (its turn starts), or {@code null}
     * @param refused whether the session cannot take it (closing, closed, or its process is gone)
     * @param lost why the process is gone, when it is
     */
    record Admission(SessionProcess writeTo, boolean refused, TransportLostException lost) {
    }

    private final GuardedSink sink;
    private final QueueModel queue;
    private final StdinWriter writer;

    // Guarded by sink's lock.
    private SessionProcess current;
    private SessionProcess last;
    private TransportLostException lost;
    private boolean inTurn;
    private long results;
    private boolean replacing;
    private boolean closing;

    /**
     * @param sink the session's sink, whose lock guards this state
     * @param queue the held messages
     * @param writer writes held messages to stdin
     */
    TurnGate(GuardedSink sink, QueueModel queue, StdinWriter writer) {
        this.sink = sink;
        this.queue = queue;
        this.writer = writer;
    }

    /** @param first the process that serves the session from now on */
    void serve(SessionProcess first) {
        sink.always(() -> {
            current = first;
            last = first;
        });
    }

    /** @return the process serving the session now, or {@code null} */
    SessionProcess current() {
        return sink.locked(() -> current);
    }

    /** @return the last process that served, the one close must stop (it may be gone), or {@code null} */
    SessionProcess last() {
        return sink.locked(() -> last);
    }

    /** Under the sink's lock: whether lines and requests of {@code from} count. */
    boolean servedBy(SessionProcess from) {
        return from == current;
    }

    /** @return whether the session closes or has closed */
    boolean isClosing() {
        return sink.locked(() -> closing) || sink.isClosed();
    }

    /**
     * Writes the message now when no turn runs, else holds it (a turn runs, the process is being replaced, or
     * older messages wait).
     *
     * @param clientMessageId the engine's id for the message
     * @param line its stdin line
     * @param text its plain text, for {@code queue_update}s
     * @return what became of it
     */
    Admission admit(String clientMessageId, String line, String text) {
        return sink.locked(() -> {
            if (closing || sink.isClosed() || current == null && !replacing) {
                return new Admission(null, true, lost);
            }
            if (inTurn || replacing || queue.hasHeld()) {
                sink.onEvent(queue.hold(clientMessageId, line, text));
                return new Admission(null, false, null);
            }
            inTurn = true;
            queue.written(clientMessageId);
            return new Admission(current, false, null);
        });
    }

    /** The admitted line could not be written: no turn runs after all. */
    void writeFailed() {
        sink.always(() -> inTurn = false);
    }

    /**
     * An interrupt while the process is being replaced: no turn runs, and the message the engine waits on is the
     * oldest held one, so its turn ends here, interrupted.
     *
     * @param conversationId for the result
     * @return whether it ended a turn (then there is nothing to send the CLI)
     */
    boolean interruptHeld(String conversationId) {
        return sink.locked(() -> {
            if (replacing && queue.nextHeld().isPresent()) {
                sink.onEvent(queue.snapshot());
                sink.onEvent(Results.interrupted(ErrorCode.INTERRUPTED, null, conversationId));
                return true;
            }
            return false;
        });
    }

    /**
     * @param target a process just sent an interrupt
     * @return how many turns had ended, when a turn runs on {@code target}; else empty
     */
    Optional<Long> runningTurnOn(SessionProcess target) {
        return sink.locked(() -> inTurn && current == target ? Optional.of(results) : Optional.empty());
    }

    /** @return whether a held message was removed (then the queue's snapshot was emitted) */
    boolean removeHeld(String clientMessageId) {
        return sink.locked(() -> {
            boolean removed = queue.removeHeld(clientMessageId);
            if (removed) {
                sink.onEvent(queue.snapshot());
            }
            return removed;
        });
    }

    /** @return whether a turn runs as the session starts closing; nothing is written from now on */
    boolean beginClose() {
        return sink.locked(() -> {
            closing = true;
            return inTurn && current != null;
        });
    }

    /**
     * A process ended.
     *
     * @param from the process
     * @param cause why, or {@code null} when it was asked to stop
     * @param flush run under the lock when it was the serving process (emits what was being joined)
     * @return whether it was the serving process (the session now has none)
     */
    boolean ended(SessionProcess from, TransportLostException cause, Runnable flush) {
        return sink.locked(() -> {
            if (from != current || from.retired()) {
                return false;
            }
            current = null;
            lost = cause;
            flush.run();
            return true;
        });
    }

    /** Under the sink's lock (the mapper's turn-end callback): a turn ended; the next held message goes out. */
    void turnEnded() {
        inTurn = false;
        results++;
        writeNextHeld();
    }

    /**
     * The interrupted turn of {@code stuck} had its grace and did not end: unless it ended meanwhile, retires the
     * process, ends the turn with {@code endTurn} (under the lock) and holds sends until a new process serves.
     *
     * @return whether to replace {@code stuck}
     */
    boolean beginReplacing(SessionProcess stuck, long resultsBefore, Runnable endTurn) {
        return sink.locked(() -> {
            if (closing || replacing || stuck != current || !inTurn || results != resultsBefore) {
                return false;
            }
            stuck.retire();
            endTurn.run();
            inTurn = false;
            results++;
            replacing = true;
            queue.forgetCli();
            return true;
        });
    }

    /** @return whether {@code next} now serves (not when the session closed meanwhile); held messages follow */
    boolean adopt(SessionProcess next) {
        return sink.locked(() -> {
            if (closing) {
                return false;
            }
            current = next;
            last = next;
            replacing = false;
            writeNextHeld();
            return true;
        });
    }

    /** @return whether the failed replacement must close the session (it closes anyway when closing) */
    boolean replacementFailed() {
        return sink.locked(() -> {
            replacing = false;
            return !closing;
        });
    }

    private void writeNextHeld() {
        if (replacing || closing || current == null) {
            return;
        }
        Optional<QueueModel.Held> next = queue.nextHeld();
        if (next.isEmpty()) {
            return;
        }
        inTurn = true;
        queue.written(next.get().clientMessageId());
        sink.onEvent(queue.snapshot());
        writer.writeLater(current.transport(), next.get().line());
    }
}

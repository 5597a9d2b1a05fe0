package ai.letta.code.transport.local.session;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Interrupts the CLI cannot finish. The CLI acknowledges an {@code interrupt} at once but ends the turn only when
 * its model stream yields again; a silent provider (local backend) would hold the interrupted turn forever. So after
 * an interrupt {@link #watch} gives the turn {@code interruptGrace} to end; if it did not, the turn ends here with
 * an interrupted result (what the CLI would have sent), and a thread of its own replaces the process with a new one
 * on the same conversation, which then gets the held messages. Sends during the replacement are held; if it fails,
 * the session closes.
 */
final class ProcessReplacement {

    private static final System.Logger LOG = System.getLogger(ProcessReplacement.class.getName());

    /** What the replacement needs from its session. */
    interface Session {
        /** Under the sink's lock: ends the stuck turn with an interrupted result. */
        void endInterruptedTurn();

        /**
         * Starts a process on the session's conversation and waits for its handshake; nothing is left running if
         * that fails.
         *
         * @return the new process
         */
        SessionProcess respawn();

        /**
         * No process could replace the stuck one: the session is over.
         *
         * @param cause why
         * @param report whether to close the sink with it (not when the session is closing anyway)
         */
        void replacementFailed(RuntimeException cause, boolean report);
    }

    private final TurnGate gate;
    private final Session session;
    private final Duration interruptGrace;
    private final Duration closeGrace;
    private volatile CompletableFuture<Void> replacement = CompletableFuture.completedFuture(null);

    /**
     * @param gate the session's turn state
     * @param session what the replacement needs from the session
     * @param interruptGrace how long an interrupted turn may take to end
     * @param closeGrace how long a new process adopted too late gets to stop
     */
    ProcessReplacement(TurnGate gate, Session session, Duration interruptGrace, Duration closeGrace) {
        this.gate = gate;
        this.session = session;
        this.interruptGrace = interruptGrace;
        this.closeGrace = closeGrace;
    }

    /** @param interrupted a process that was just sent an interrupt; its running turn gets the grace to end */
    void watch(SessionProcess interrupted) {
        gate.runningTurnOn(interrupted).ifPresent(ended ->
                LocalTimer.schedule(() -> endStuckTurn(interrupted, ended), interruptGrace));
    }

    /** Waits, bounded, for a replacement in progress (close stops what it started). */
    void awaitDone() {
        try {
            replacement.get(closeGrace.toMillis() + 30_000, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // Bounded: a replacement that hangs is killed with the rest of the session.
        }
    }

    /** Timer: the interrupted turn had its grace; unless it ended meanwhile, end it and replace the process. */
    private void endStuckTurn(SessionProcess stuck, long turnsEndedBefore) {
        if (!gate.beginReplacing(stuck, turnsEndedBefore, session::endInterruptedTurn)) {
            return;
        }
        LOG.log(System.Logger.Level.DEBUG, () -> "the CLI (pid " + stuck.transport().pid() + ") did not end an"
                + " interrupted turn within " + interruptGrace.toMillis() + " ms; replacing it");
        CompletableFuture<Void> done = new CompletableFuture<>();
        replacement = done;
        Thread thread = new Thread(() -> replace(stuck, done), "letta-cli-replace-" + stuck.transport().pid());
        thread.setDaemon(true);
        thread.start();
    }

    /** Own thread: stops the stuck process, starts one on the same conversation, which writes what was held. */
    private void replace(SessionProcess stuck, CompletableFuture<Void> done) {
        try {
            stuck.transport().kill();
            if (gate.isClosing()) {
                return;
            }
            SessionProcess next = session.respawn();
            if (!gate.adopt(next)) {
                next.transport().close(closeGrace);
            }
        } catch (RuntimeException e) {
            session.replacementFailed(e, gate.replacementFailed());
        } finally {
            done.complete(null);
        }
    }
}

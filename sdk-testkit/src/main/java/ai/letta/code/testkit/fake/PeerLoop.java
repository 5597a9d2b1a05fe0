package ai.letta.code.testkit.fake;

import ai.letta.code.api.UserMessage;
import ai.letta.code.api.event.ErrorCode;
import ai.letta.code.api.event.QueuedMessage;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.permission.PermissionDecision;
import ai.letta.code.spi.Results;
import ai.letta.code.testkit.script.Gate;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The fake peer's main loop, on its own thread: it takes queued messages as one turn (merging everything waiting,
 * like the CLI), hands the batch to a {@link Turns} player, and offers the player its blocking waits (chunk delays,
 * gates, stalls, permission answers), each of which ends early on an interrupt, a close or a crash.
 *
 * <p>An interrupt while a turn runs, or while messages wait to start, is latched and ends that turn; an interrupt
 * while idle is a no-op (local-stdio.md §4.4).
 */
final class PeerLoop {

    private static final System.Logger LOG = System.getLogger(PeerLoop.class.getName());

    /** Plays one turn; returns its final {@link Result}, or {@code null} when the peer went away mid-turn. */
    @FunctionalInterface
    interface Turns {
        Result play(List<Queued> batch) throws Halt;
    }

    /** A message waiting for its turn; {@code shown} once a queue update listed it. */
    record Queued(String queueId, String clientMessageId, UserMessage message, boolean shown) {
        QueuedMessage view() {
            return new QueuedMessage(queueId, clientMessageId, "message", "user", message.plainText());
        }
    }

    /** Unwinds a turn: interrupted (the turn still gets its result) or gone (closed or crashed: nothing more). */
    static final class Halt extends Exception {
        private static final long serialVersionUID = 1L;
        final boolean interrupted;

        Halt(boolean interrupted) {
            super(interrupted ? "interrupted" : "gone", null, false, false);
            this.interrupted = interrupted;
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Deque<Queued> queue = new ArrayDeque<>();
    private final Map<String, PermissionDecision> answers = new HashMap<>();
    private final Set<String> awaited = new HashSet<>();
    private final Thread thread;
    private Turns turns;
    private Consumer<List<QueuedMessage>> queueUpdates = q -> { };
    private Consumer<Result> results = r -> { };
    private boolean turnRunning;
    private boolean interruptLatched;
    private boolean closing;
    private int queueCounter;

    PeerLoop(String threadName) {
        thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
    }

    /** Starts the thread; {@code results} and {@code queueUpdates} run under the loop's lock, so they only enqueue. */
    void start(Turns turns, Consumer<Result> results, Consumer<List<QueuedMessage>> queueUpdates) {
        this.turns = turns;
        this.results = results;
        this.queueUpdates = queueUpdates;
        thread.start();
    }

    /** Queues a message; shows the queue when a turn is running (the message waits behind it). */
    void enqueue(String clientMessageId, UserMessage message) {
        lock.lock();
        try {
            queue.addLast(new Queued("q-" + ++queueCounter, clientMessageId, message, turnRunning));
            if (turnRunning) {
                queueUpdates.accept(snapshot());
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** @return whether there was a turn (running or about to start) to interrupt */
    boolean interrupt() {
        lock.lock();
        try {
            if (turnRunning || !queue.isEmpty()) {
                interruptLatched = true;
                changed.signalAll();
                return true;
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** @return whether the answer was for a request the turn waits on (else it is stale and ignored) */
    boolean answer(String requestId, PermissionDecision decision) {
        lock.lock();
        try {
            if (!awaited.contains(requestId)) {
                return false;
            }
            answers.put(requestId, decision);
            changed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Removes a waiting message by queue id or client message id. */
    boolean remove(String id) {
        lock.lock();
        try {
            boolean removed = queue.removeIf(q -> q.queueId().equals(id) || id.equals(q.clientMessageId()));
            if (removed) {
                queueUpdates.accept(snapshot());
            }
            return removed;
        } finally {
            lock.unlock();
        }
    }

    /** Stops the loop (a close or a crash): running waits end at once, nothing more is played. */
    void stop() {
        lock.lock();
        try {
            closing = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the peer thread has let go (its turn unwound), at most {@code wait}. */
    void join(Duration wait) {
        if (Thread.currentThread() == thread) {
            return;
        }
        try {
            thread.join(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void pause(Duration duration) throws Halt {
        long deadline = System.nanoTime() + duration.toNanos();
        lock.lock();
        try {
            long left;
            while (!halted() && (left = deadline - System.nanoTime()) > 0) {
                changed.awaitNanos(left);
            }
            checkHalt();
        } catch (InterruptedException e) {
            throw gone();
        } finally {
            lock.unlock();
        }
    }

    void awaitGate(Gate gate) throws Halt {
        gate.whenOpen(this::wake);
        awaitUntil(gate::isOpen);
    }

    /** Waits until the turn is interrupted or the peer goes away (a silent peer). */
    void stall() throws Halt {
        awaitUntil(() -> false);
    }

    /** Registers a permission request before it is delivered, so an answer that races the wait is kept. */
    void expectAnswer(String requestId) {
        lock.lock();
        try {
            awaited.add(requestId);
        } finally {
            lock.unlock();
        }
    }

    /** Waits for the answer to a request registered with {@link #expectAnswer}. */
    PermissionDecision awaitAnswer(String requestId) throws Halt {
        lock.lock();
        try {
            while (!answers.containsKey(requestId) && !halted()) {
                changed.await();
            }
            awaited.remove(requestId);
            PermissionDecision decision = answers.remove(requestId);
            if (decision == null || closing) {
                checkHalt();
            }
            return decision;
        } catch (InterruptedException e) {
            throw gone();
        } finally {
            lock.unlock();
        }
    }

    void checkInterrupt() throws Halt {
        lock.lock();
        try {
            checkHalt();
        } finally {
            lock.unlock();
        }
    }

    private void awaitUntil(java.util.function.BooleanSupplier done) throws Halt {
        lock.lock();
        try {
            while (!done.getAsBoolean() && !halted()) {
                changed.await(1, TimeUnit.SECONDS);
            }
            checkHalt();
        } catch (InterruptedException e) {
            throw gone();
        } finally {
            lock.unlock();
        }
    }

    private void wake() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (true) {
            List<Queued> batch;
            lock.lock();
            try {
                while (queue.isEmpty() && !closing) {
                    changed.awaitUninterruptibly();
                }
                if (closing) {
                    return;
                }
                batch = new ArrayList<>(queue);
                queue.clear();
                turnRunning = true;
            } finally {
                lock.unlock();
            }
            Result result = null;
            try {
                result = turns.play(batch);
            } catch (Halt halt) {
                // gone: the channel already told the sink
            } catch (RuntimeException e) {
                // A bug in the fake must not leave the turn hanging: end it as a failed turn.
                LOG.log(System.Logger.Level.ERROR, "the in-memory peer failed while playing a turn", e);
                result = Results.failure(ErrorCode.ERROR, "the in-memory peer failed: " + e,
                        null, null);
            }
            lock.lock();
            try {
                turnRunning = false;
                interruptLatched = false;
                answers.clear();
                awaited.clear();
                if (result != null && !closing) {
                    results.accept(result);
                }
            } finally {
                lock.unlock();
            }
        }
    }

    private boolean halted() {
        return interruptLatched || closing;
    }

    private void checkHalt() throws Halt {
        if (closing) {
            throw gone();
        }
        if (interruptLatched) {
            throw new Halt(true);
        }
    }

    private static Halt gone() {
        return new Halt(false);
    }

    /** @return the waiting messages, oldest first; call under the lock */
    private List<QueuedMessage> snapshot() {
        return queue.stream().map(Queued::view).toList();
    }
}

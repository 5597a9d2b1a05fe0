package ai.letta.code.testkit.script;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Which step answers the next model request, MockWebServer-style: scripts queued per conversation are used
 * first, then scripts queued for any conversation, then the {@link Responder}.
 *
 * <p>Each conversation has at most one active script. A request is answered by the active script's next step
 * when it has one left; otherwise a new script starts (queue or responder) and its first step answers. A stream
 * the client abandoned (interrupt, disconnect) discards the rest of its script, so a following turn never
 * receives leftovers. Thread-safe.
 */
public final class ScriptQueue {

    private final ReentrantLock lock = new ReentrantLock();
    private final Deque<TurnScript> anyConversation = new ArrayDeque<>();
    private final Map<String, Deque<TurnScript>> byConversation = new HashMap<>();
    private final Map<String, Cursor> active = new HashMap<>();
    private volatile Responder responder;

    /**
     * A queue that falls back to {@code responder}.
     *
     * @param responder answers turns no queued script is waiting for
     */
    public ScriptQueue(Responder responder) {
        this.responder = Objects.requireNonNull(responder, "responder");
    }

    /**
     * Replaces the fallback responder.
     *
     * @param responder the new fallback
     */
    public void responder(Responder responder) {
        this.responder = Objects.requireNonNull(responder, "responder");
    }

    /**
     * Queues a script for the next turn of any conversation.
     *
     * @param script the script
     */
    public void enqueue(TurnScript script) {
        Objects.requireNonNull(script, "script");
        lock.lock();
        try {
            anyConversation.addLast(script);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Queues a script for the next turn of {@code conversation}; it goes before scripts queued for any.
     *
     * @param conversation the conversation
     * @param script the script
     */
    public void enqueue(String conversation, TurnScript script) {
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(script, "script");
        lock.lock();
        try {
            byConversation.computeIfAbsent(conversation, c -> new ArrayDeque<>()).addLast(script);
        } finally {
            lock.unlock();
        }
    }

    /** @return how many queued scripts have not started yet */
    public int pending() {
        lock.lock();
        try {
            return anyConversation.size() + byConversation.values().stream().mapToInt(Deque::size).sum();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Forgets every queued script and the rest of every active one, so nothing scripted for one test can answer a
     * later test's request (a multi-step script whose turn was aborted would otherwise answer the next turn). The
     * responder stays. Requests already being answered finish their current step.
     */
    public void clear() {
        lock.lock();
        try {
            anyConversation.clear();
            byConversation.clear();
            active.clear();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The step that answers {@code request} on {@code conversation}; advances the conversation's script.
     *
     * @param conversation the conversation
     * @param request the turn request
     * @return the step
     */
    public TurnScript.Step next(String conversation, TurnRequest request) {
        TurnScript started;
        lock.lock();
        try {
            Cursor cursor = active.get(conversation);
            if (cursor != null && cursor.hasNext() && !(cursor.awaitsToolResult() && request.toolResult().isEmpty())) {
                return cursor.next();
            }
            // A request with no tool result after a tool-calling step is a new turn (the client interrupted or
            // denied and moved on): the rest of that script must not answer it.
            Deque<TurnScript> own = byConversation.get(conversation);
            started = own != null && !own.isEmpty() ? own.removeFirst() : anyConversation.pollFirst();
        } finally {
            lock.unlock();
        }
        if (started == null) {
            // Outside the lock: a responder is user code.
            started = Objects.requireNonNull(responder.respond(request), "responder returned null");
        }
        Cursor cursor = new Cursor(started);
        lock.lock();
        try {
            active.put(conversation, cursor);
            return cursor.next();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The next step of the active script of {@code conversation}, if it has one left; never starts a script.
     * For requests that continue a stream rather than start a turn (a client re-attaching after a drop).
     *
     * @param conversation the conversation
     * @return the step, or empty
     */
    public Optional<TurnScript.Step> continueActive(String conversation) {
        lock.lock();
        try {
            Cursor cursor = active.get(conversation);
            return cursor != null && cursor.hasNext() ? Optional.of(cursor.next()) : Optional.empty();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Discards the rest of the script that served {@code step} on {@code conversation} (its stream was
     * abandoned), unless another script has started there since.
     *
     * @param conversation the conversation
     * @param step the step whose stream was abandoned
     */
    public void abandon(String conversation, TurnScript.Step step) {
        lock.lock();
        try {
            Cursor cursor = active.get(conversation);
            if (cursor != null && cursor.lastServed == step) {
                active.remove(conversation);
            }
        } finally {
            lock.unlock();
        }
    }

    private static final class Cursor {
        private final TurnScript script;
        private int index;
        private TurnScript.Step lastServed;

        Cursor(TurnScript script) {
            this.script = script;
        }

        boolean hasNext() {
            return index < script.steps().size();
        }

        boolean awaitsToolResult() {
            return lastServed != null && !lastServed.toolCalls().isEmpty();
        }

        TurnScript.Step next() {
            lastServed = script.steps().get(index++);
            return lastServed;
        }
    }
}

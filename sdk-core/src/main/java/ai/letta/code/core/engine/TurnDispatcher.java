package ai.letta.code.core.engine;

import ai.letta.code.api.SessionState;
import ai.letta.code.api.SessionStep;
import ai.letta.code.api.event.ErrorCode;
import ai.letta.code.api.event.ErrorEvent;
import ai.letta.code.api.event.QueueUpdate;
import ai.letta.code.api.event.QueuedMessage;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.api.exception.TransportException;
import ai.letta.code.api.permission.ToolPermissionRequest;
import ai.letta.code.spi.Results;
import ai.letta.code.spi.SessionSink;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The engine side of a session's transport: receives what the peer sends (on the transport's thread), and handles it
 * in order on the session's {@link SerialExecutor}: turn scoping, stale-event filtering, listeners, permission
 * requests, and the terminal events the engine itself must produce (transport lost, idle timeout, overflow, close).
 */
final class TurnDispatcher implements SessionSink {
    private static final System.Logger LOG = System.getLogger(TurnDispatcher.class.getName());

    private final SerialExecutor serial;
    private final TurnLedger ledger;
    private final EventBuffer buffer;
    private final ListenerFanout fanout;
    private final AtomicReference<SessionState> state;
    private final Supplier<String> conversationId;
    private final Consumer<TransportException> onLost;
    private volatile PermissionBroker broker;
    private volatile List<QueuedMessage> queue = List.of();
    private volatile long lastActivityNanos = System.nanoTime();
    private CompletableFuture<Result> nextResult = new CompletableFuture<>();
    private boolean turnStarted;

    TurnDispatcher(SerialExecutor serial, TurnLedger ledger, EventBuffer buffer, ListenerFanout fanout,
            AtomicReference<SessionState> state, Supplier<String> conversationId, Consumer<TransportException> onLost) {
        this.serial = serial;
        this.ledger = ledger;
        this.buffer = buffer;
        this.fanout = fanout;
        this.state = state;
        this.conversationId = conversationId;
        this.onLost = onLost;
    }

    void attach(PermissionBroker broker) {
        this.broker = broker;
    }

    @Override
    public void onEvent(SessionEvent event) {
        serial.execute(() -> handle(event));
    }

    @Override
    public void onTurnStarted(List<String> clientMessageIds, int mergedCount) {
        serial.execute(() -> ledger.onTurnStarted(mergedCount));
    }

    @Override
    public void onPermissionRequest(ToolPermissionRequest request) {
        serial.execute(() -> {
            lastActivityNanos = System.nanoTime();
            if (isOpen()) {
                broker.handle(request);
            }
        });
    }

    @Override
    public void onClosed(TransportException cause) {
        serial.execute(() -> {
            if (cause != null && isOpen()) {
                lost(cause);
            }
        });
    }

    List<QueuedMessage> queue() {
        return queue;
    }

    /** Puts a send's marker in the dispatch order, ahead of anything the peer answers to it. */
    void markSent() {
        serial.execute(ledger::markSent);
    }

    /** Takes back the marker of a send that failed. */
    void unmarkSent() {
        serial.execute(ledger::unmarkSent);
    }

    void touch() {
        lastActivityNanos = System.nanoTime();
    }

    long idleNanos() {
        return System.nanoTime() - lastActivityNanos;
    }

    private void handle(SessionEvent event) {
        lastActivityNanos = System.nanoTime();
        if (event instanceof QueueUpdate update) {
            queue = update.queue();
        }
        if (!isOpen()) {
            return;
        }
        if (event instanceof Result result) {
            handleResult(result);
            return;
        }
        boolean inTurn = ledger.accepting();
        if (inTurn && !turnStarted) {
            turnStarted = true;
            fanout.step(SessionStep.Kind.TURN_STARTED, null);
        }
        fanout.event(event);
        if (!inTurn) {
            LOG.log(System.Logger.Level.DEBUG, () -> "dropped an event outside any turn: " + event.type());
            return;
        }
        if (ledger.discarding()) {
            return; // its stream's reader closed it early
        }
        if (!buffer.offer(event, false)) {
            endTurnLocally(new ErrorEvent("More than the session's eventBufferSize events waited unread; the turn "
                    + "was interrupted. Read the stream while the turn runs, or raise "
                    + "SessionOptions.eventBufferSize.", ErrorCode.of("buffer_overflow"), null, null), "buffer_overflow");
        }
    }

    private void handleResult(Result result) {
        if (result.interrupted() && ledger.swallowLateInterruptedResult()) {
            return;
        }
        if (!ledger.accepting()) {
            LOG.log(System.Logger.Level.DEBUG, "dropped a result outside any turn");
            return;
        }
        fanout.event(result);
        if (ledger.discarding()) {
            settleDiscarded(result);
            return;
        }
        deliverResult(result, ledger.resultEndsStream(), ledger::onResult);
    }

    /** The result of a turn whose reader gave up: settle the turn without buffering anything. */
    private void settleDiscarded(Result result) {
        turnStarted = false;
        fanout.step(SessionStep.Kind.TURN_ENDED, result.status().name().toLowerCase(Locale.ROOT));
        CompletableFuture<Result> done;
        synchronized (this) {
            ledger.onResult();
            if (!ledger.busy()) {
                state.compareAndSet(SessionState.STREAMING, SessionState.IDLE);
            }
            done = nextResult;
            nextResult = new CompletableFuture<>();
        }
        done.complete(result);
    }

    /**
     * A reader closed its stream before its end: drop what it left in the buffer and, if its turns are still
     * running, the rest of their events. Runs on the serial executor, so no event of those turns slips past.
     */
    void abandonStream() {
        if (!buffer.dropUntilBoundary() && ledger.busy()) {
            ledger.abandonSentSoFar();
        }
    }

    /**
     * @return whether a sent message still waits for its result; consistent with {@code deliverResult}, so a reader
     *     that just took a result never sees the count from before that result settled it
     */
    synchronized boolean turnPending() {
        return ledger.busy();
    }

    /**
     * @return the future of the running turn's result, or {@code null} if no turn is running; consistent with
     *     {@code deliverResult}, so a turn whose result a reader has seen is never reported as running
     */
    synchronized CompletableFuture<Result> runningTurn() {
        return ledger.busy() ? nextResult : null;
    }

    /**
     * Hands a result to the reader and settles the ledger in one step (under this object's monitor, which
     * {@link #runningTurn()} shares): a reader never sees "nothing pending" before the result is buffered, and an
     * aborter never sees a turn running whose result a reader already has. Then wakes {@code abort()}.
     */
    private void deliverResult(Result result, boolean endsStream, Runnable settleLedger) {
        turnStarted = false;
        fanout.step(SessionStep.Kind.TURN_ENDED, result.status().name().toLowerCase(Locale.ROOT));
        CompletableFuture<Result> done;
        synchronized (this) {
            if (endsStream) {
                state.compareAndSet(SessionState.STREAMING, SessionState.IDLE);
            }
            buffer.offerTerminal(result, endsStream);
            settleLedger.run();
            done = nextResult;
            nextResult = new CompletableFuture<>();
        }
        done.complete(result);
    }

    /**
     * Ends the running turn from the engine's side (idle timeout, overflow, abort that got no answer): an error
     * event (if given) and a result; a late interrupted result from the peer is then dropped.
     *
     * @param error the error event to emit first, or {@code null}
     * @param code the result's code
     */
    void endTurnLocally(ErrorEvent error, String code) {
        if (!ledger.busy()) {
            return;
        }
        Result result = error == null
                ? Results.interrupted(ErrorCode.of(code), null, conversationId.get())
                : Results.failure(error.errorCode(), error.message(), error.detail().orElse(null), conversationId.get());
        if (error != null) {
            fanout.event(error);
            buffer.offerTerminal(error, false);
        }
        fanout.event(result);
        deliverResult(result, ledger.resultEndsStream(), ledger::endLocally);
    }

    /** On close: ends a running turn with an interrupted result coded {@code session_closed}. */
    void endForClose() {
        if (ledger.busy()) {
            Result result = Results.interrupted(ErrorCode.SESSION_CLOSED, null, conversationId.get());
            fanout.event(result);
            deliverResult(result, true, ledger::clear);
        }
        buffer.close();
    }

    private void lost(TransportException cause) {
        onLost.accept(cause);
        state.set(SessionState.CLOSED);
        fanout.step(SessionStep.Kind.TRANSPORT_LOST, cause.getMessage());
        if (ledger.busy()) {
            String detail = cause.diagnosticTail().orElse(null);
            ErrorEvent error = new ErrorEvent(cause.getMessage(), ErrorCode.STREAM_CLOSED, detail, null);
            fanout.event(error);
            buffer.offerTerminal(error, false);
            Result result = Results.failure(ErrorCode.STREAM_CLOSED, cause.getMessage(), detail, conversationId.get());
            fanout.event(result);
            deliverResult(result, true, ledger::clear);
        }
        PermissionBroker current = broker;
        if (current != null) {
            current.forgetPending();
        }
        buffer.close();
    }

    private boolean isOpen() {
        SessionState s = state.get();
        return s == SessionState.IDLE || s == SessionState.STREAMING || s == SessionState.OPENING;
    }
}

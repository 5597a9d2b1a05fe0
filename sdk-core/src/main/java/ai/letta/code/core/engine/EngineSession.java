package ai.letta.code.core.engine;

import ai.letta.code.api.AbortOutcome;
import ai.letta.code.api.Dreaming;
import ai.letta.code.api.EventStream;
import ai.letta.code.api.Session;
import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.SessionState;
import ai.letta.code.api.SessionStep;
import ai.letta.code.api.UserMessage;
import ai.letta.code.api.command.CommandResponse;
import ai.letta.code.api.command.ResponseMatcher;
import ai.letta.code.api.event.ErrorCode;
import ai.letta.code.api.event.QueuedMessage;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.exception.LettaCodeException;
import ai.letta.code.api.exception.ManagedSandboxExpiredException;
import ai.letta.code.api.exception.SessionClosedException;
import ai.letta.code.api.exception.TransportException;
import ai.letta.code.api.model.ModelCatalog;
import ai.letta.code.api.model.ModelUpdate;
import ai.letta.code.internal.Checks;
import ai.letta.code.spi.SessionChannel;
import ai.letta.code.spi.SessionPort;
import ai.letta.code.spi.SessionTarget;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The engine's {@link Session}: user calls on one side, a {@link TurnDispatcher} for what the transport delivers on
 * the other. Thread-safe; see {@link Session} for the contract.
 */
public final class EngineSession implements Session {
    private final SessionOptions options;
    private final EngineExecutors executors;
    private final Consumer<EngineSession> onClosed;
    private final AtomicReference<SessionState> state = new AtomicReference<>(SessionState.OPENING);
    private final AtomicBoolean closing = new AtomicBoolean();
    /** How long a second {@code close()} waits for the first: longer than any transport's own close bound. */
    private static final Duration SECOND_CLOSE_WAIT = Duration.ofSeconds(60);

    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final SerialExecutor serial;
    private final TurnLedger ledger = new TurnLedger();
    private final EventBuffer buffer;
    private final ListenerFanout fanout;
    private final TurnDispatcher dispatcher;
    private volatile SessionChannel channel;
    private volatile PermissionBroker broker;
    private volatile TransportException lostCause;
    private final Object readLock = new Object();
    private volatile TurnEventStream openStream;
    private IdleWatchdog watchdog;

    /**
     * @param options how the session runs
     * @param executors the client's threads
     * @param onClosed called once the session is closed (the client forgets it)
     */
    public EngineSession(SessionOptions options, EngineExecutors executors, Consumer<EngineSession> onClosed) {
        this.options = Checks.requireNonNull(options, "SessionOptions");
        this.executors = executors;
        this.onClosed = onClosed;
        this.serial = new SerialExecutor(executors.pool(), true);
        this.buffer = new EventBuffer(options.eventBufferSize());
        this.fanout = new ListenerFanout(options.listeners(), serial, this::agentIdOrNull,
                this::conversationIdOrNull);
        this.dispatcher = new TurnDispatcher(serial, ledger, buffer, fanout, state, this::conversationIdOrNull,
                this::transportLost);
    }

    /**
     * Opens the transport side; returns once the peer is ready.
     *
     * @param port the transport's session port
     * @param target which conversation
     */
    public void open(SessionPort port, SessionTarget target) {
        try {
            channel = port.open(target, options, dispatcher);
        } catch (RuntimeException e) {
            state.set(SessionState.CLOSED);
            serial.shutdown();
            buffer.close();
            throw e;
        }
        broker = new PermissionBroker(options.permissionMode(), options.canUseTool().orElse(null), executors.pool(),
                executors.scheduler(), options.permissionTimeout().orElse(null), channel, fanout::step);
        dispatcher.attach(broker);
        state.compareAndSet(SessionState.OPENING, SessionState.IDLE);
        fanout.step(SessionStep.Kind.OPENED, null);
        watchdog = options.idleTimeout().map(idle -> new IdleWatchdog(idle, executors.scheduler(), serial, ledger,
                dispatcher, fanout, () -> !broker.pending().isEmpty(),
                () -> executors.pool().execute(this::interruptQuietly))).orElse(null);
        serial.resume();
    }

    @Override
    public String agentId() {
        return channel.agentId();
    }

    @Override
    public String conversationId() {
        return channel.conversationId();
    }

    @Override
    public SessionState state() {
        return state.get();
    }

    @Override
    public String send(String text) {
        return send(UserMessage.text(text));
    }

    @Override
    public String send(UserMessage message) {
        Checks.requireNonNull(message, "message");
        ensureOpen("send");
        String clientMessageId = "cm-" + UUID.randomUUID();
        // Counted before it is written: its first event may arrive before channel.send returns.
        ledger.onSend();
        dispatcher.markSent();
        fanout.step(SessionStep.Kind.MESSAGE_SENT, clientMessageId);
        dispatcher.touch();
        state.compareAndSet(SessionState.IDLE, SessionState.STREAMING);
        try {
            channel.send(clientMessageId, message);
        } catch (RuntimeException e) {
            ledger.undoSend();
            dispatcher.unmarkSent();
            if (!ledger.busy()) {
                state.compareAndSet(SessionState.STREAMING, SessionState.IDLE);
            }
            throw e;
        }
        return clientMessageId;
    }

    @Override
    public synchronized EventStream stream() {
        TurnEventStream previous = openStream;
        if (previous != null) {
            // A reader that left its loop early (a break) never closed it: continue where it stopped.
            previous.takeOver();
        }
        TurnEventStream stream = new TurnEventStream(buffer, readLock, dispatcher::turnPending,
                () -> onSerial(dispatcher::abandonStream), this::streamClosed, executors.pool());
        openStream = stream;
        return stream;
    }

    private synchronized void streamClosed(TurnEventStream stream) {
        if (openStream == stream) {
            openStream = null;
        }
    }

    @Override
    public AbortOutcome abort() {
        ensureOpen("abort");
        CompletableFuture<Result> ended = dispatcher.runningTurn();
        if (ended == null) {
            return AbortOutcome.NOTHING_TO_ABORT;
        }
        fanout.step(SessionStep.Kind.ABORT_REQUESTED, null);
        broker.denyPending("The user aborted the turn.");
        channel.interrupt();
        Duration wait = channel.requestTimeout();
        try {
            Result result = ended.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            if (!result.interrupted()) {
                return AbortOutcome.ENDED_FIRST; // the turn's own end crossed the interrupt on its way
            }
        } catch (TimeoutException e) {
            // The peer never confirmed: end the turn ourselves so the caller is not left waiting.
            onSerial(() -> dispatcher.endTurnLocally(null, ErrorCode.INTERRUPTED.value()));
        } catch (ExecutionException e) {
            throw new LettaCodeException("abort failed while waiting for the turn to end", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LettaCodeException("interrupted while waiting for the aborted turn to end", e);
        }
        return AbortOutcome.INTERRUPTED;
    }

    @Override
    public ModelCatalog listModels() {
        ensureOpen("listModels");
        return channel.listModels();
    }

    @Override
    public void updateModel(ModelUpdate update) {
        Checks.requireNonNull(update, "ModelUpdate");
        ensureOpen("updateModel");
        channel.updateModel(update);
    }

    @Override
    public void updateDreaming(Dreaming dreaming) {
        Checks.requireNonNull(dreaming, "Dreaming");
        ensureOpen("updateDreaming");
        channel.updateDreaming(dreaming);
    }

    @Override
    public List<QueuedMessage> queue() {
        return dispatcher.queue();
    }

    @Override
    public boolean removeQueuedMessage(String id) {
        Checks.requireText(id, "queued message id");
        ensureOpen("removeQueuedMessage");
        if (!channel.removeQueued(id)) {
            return false;
        }
        // It will never get a result: stop counting it, so the stream can end without it.
        ledger.undoSend();
        dispatcher.unmarkSent();
        if (!ledger.busy()) {
            state.compareAndSet(SessionState.STREAMING, SessionState.IDLE);
        }
        return true;
    }

    @Override
    public String sendCommand(Map<String, Object> command) {
        ensureOpen("sendCommand");
        Map<String, Object> withId = RawCommand.checked(command, channel.acceptedCommands());
        channel.sendRaw(withId);
        return (String) withId.get("request_id");
    }

    @Override
    public CommandResponse sendCommand(Map<String, Object> command, ResponseMatcher matcher, Duration timeout) {
        Checks.requireNonNull(matcher, "ResponseMatcher");
        Checks.requirePositive(timeout, "sendCommand timeout");
        ensureOpen("sendCommand");
        Map<String, Object> withId = RawCommand.checked(command, channel.acceptedCommands());
        return channel.request(withId, matcher, timeout);
    }

    @Override
    public CommandResponse sendCommand(Map<String, Object> command, ResponseMatcher matcher) {
        ensureOpen("sendCommand");
        return sendCommand(command, matcher, channel.requestTimeout());
    }

    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            awaitFirstClose();
            return;
        }
        try {
            if (state.get() != SessionState.CLOSED) {
                state.set(SessionState.CLOSING);
            }
            if (broker != null) {
                broker.denyPending("The session was closed.");
            }
            onSerial(dispatcher::endForClose);
            if (watchdog != null) {
                watchdog.close();
            }
            if (channel != null) {
                channel.close();
            }
        } finally {
            state.set(SessionState.CLOSED);
            String how = lostCause == null ? "closed" : "transport lost";
            onSerial(() -> fanout.step(SessionStep.Kind.CLOSED, how));
            serial.shutdown();
            buffer.close();
            closed.complete(null);
            onClosed.accept(this);
        }
    }

    /**
     * A second {@code close()} returns once the first has finished. The first is bounded by the transport's own
     * close bounds; this wait is bounded too, so a caller never hangs on another thread's close.
     */
    private void awaitFirstClose() {
        try {
            closed.get(SECOND_CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // The first close is still ending the transport (or failed, and reports it to its own caller).
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "Session[agent=" + agentIdOrNull() + ", conversation=" + conversationIdOrNull() + ", state="
                + state.get() + "]";
    }

    private void transportLost(TransportException cause) {
        lostCause = cause;
        // Release the channel's resources off the serial thread; close() is idempotent.
        executors.pool().execute(this::close);
    }

    private void interruptQuietly() {
        try {
            channel.interrupt();
        } catch (RuntimeException e) {
            System.getLogger(EngineSession.class.getName()).log(System.Logger.Level.DEBUG, "interrupt failed", e);
        }
    }

    private void onSerial(Runnable task) {
        serial.runAndWait(task, Duration.ofSeconds(5));
    }

    private void ensureOpen(String operation) {
        SessionState s = state.get();
        if (s == SessionState.CLOSED || s == SessionState.CLOSING) {
            TransportException cause = lostCause;
            if (cause != null && cause.getCause() instanceof ManagedSandboxExpiredException expired) {
                // Its own message says how to resume: a new session on the conversation gets a new sandbox.
                throw new ManagedSandboxExpiredException(operation + " on a closed session: "
                        + expired.getMessage(), cause);
            }
            String resume = "open a new session, or continue this conversation with client.resumeSession(\""
                    + agentIdOrNull() + "\", \"" + conversationIdOrNull() + "\", options)";
            throw cause == null
                    ? new SessionClosedException(operation + " on a closed session; " + resume)
                    : new SessionClosedException(operation + " on a session whose transport was lost ("
                            + cause.getMessage() + "); " + resume, cause);
        }
    }

    private String agentIdOrNull() {
        SessionChannel c = channel;
        return c == null ? null : c.agentId();
    }

    private String conversationIdOrNull() {
        SessionChannel c = channel;
        return c == null ? null : c.conversationId();
    }
}

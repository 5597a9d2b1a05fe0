package ai.letta.code.transport.remote.internal;

import ai.letta.code.api.Dreaming;
import ai.letta.code.api.UserMessage;
import ai.letta.code.api.command.CommandResponse;
import ai.letta.code.api.command.ResponseMatcher;
import ai.letta.code.api.exception.LettaCodeException;
import ai.letta.code.api.exception.SessionClosedException;
import ai.letta.code.api.exception.TransportLostException;
import ai.letta.code.api.model.ModelCatalog;
import ai.letta.code.api.model.ModelUpdate;
import ai.letta.code.api.permission.PermissionDecision;
import ai.letta.code.api.permission.ToolPermissionRequest;
import ai.letta.code.core.turn.QuietFlush;
import ai.letta.code.spi.AcceptedCommands;
import ai.letta.code.internal.Checks;
import ai.letta.code.spi.SessionChannel;
import ai.letta.code.spi.SessionSink;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One session: a runtime ({@code agent_id} + {@code conversation_id}) on the client's shared socket. Commands are
 * sent from caller threads; frames arrive on the event loop and go through the {@link TurnStream} to the sink.
 *
 * <p>After a dropped socket the running turn has already failed ({@code stream_closed}); commands wait (bounded by
 * {@code RemoteOptions.reconnectBound}) until the runtime is subscribed again on the new socket. An approval the
 * server still holds and replays is offered to the engine again, unless the engine is still deciding it (the
 * server may replay it several times; the engine is asked once); decisions go through {@link ApprovalAnswers},
 * which delivers them across the reconnect.
 */
final class RemoteSession implements SessionChannel, RuntimeSubscriber, TurnStream.Peer {

    private static final System.Logger LOG = System.getLogger(RemoteSession.class.getName());
    private static final TurnStream.Timing TIMING = new TurnStream.Timing(Duration.ofMillis(250),
            QuietFlush.DEFAULT_QUIET);

    private final ServerConnection connection;
    private final RuntimeKey key;
    private final String conversationId;
    private final SessionSink sink;
    private final RuntimeStart start;
    private final RuntimeControl control;
    private final PendingApprovals approvals = new PendingApprovals();
    private final TurnStream stream;
    private final ApprovalAnswers answers;
    private final Map<String, String> inputRequests = new ConcurrentHashMap<>();
    private final SessionSettings settings;
    private volatile CompletableFuture<Void> subscribed = CompletableFuture.completedFuture(null);
    private volatile boolean closed;
    private volatile boolean orphanAbortSent;

    RemoteSession(ServerConnection connection, RuntimeKey key, String conversationId, boolean partials,
            SessionSink sink, RuntimeStart start) {
        this.connection = connection;
        this.key = key;
        this.conversationId = conversationId;
        this.sink = sink;
        this.start = start;
        this.control = new RuntimeControl(connection, key);
        this.stream = new TurnStream(sink, connection.codec(), conversationId, partials, connection.loop(), TIMING,
                this, approvals);
        this.settings = new SessionSettings(connection, key, null);
        this.answers = new ApprovalAnswers(connection, control, approvals, () -> subscribed, stream);
    }

    RuntimeKey key() {
        return key;
    }

    SessionSettings settings() {
        return settings;
    }

    @Override
    public String agentId() {
        return key.agentId();
    }

    @Override
    public String conversationId() {
        return conversationId;
    }

    @Override
    public void send(String clientMessageId, UserMessage message) {
        Checks.requireText(clientMessageId, "clientMessageId");
        Checks.requireNonNull(message, "message");
        ready();
        Map<String, Object> command = control.command("input", "in");
        String requestId = (String) command.get("request_id");
        command.put("payload", Map.of("kind", "create_message",
                "messages", List.of(Commands.userMessage(clientMessageId, message))));
        inputRequests.put(requestId, clientMessageId);
        // Queued on the event loop before the frame is written, so the answer always finds the expectation.
        connection.loop().execute(() -> stream.expect(clientMessageId));
        try {
            ServerFrame accepted = control.await(command, "input", "input_accepted");
            if (!accepted.succeeded()) {
                throw ServerErrors.refused("input", accepted.error(), connection.peer());
            }
        } catch (RuntimeException e) {
            connection.loop().execute(() -> stream.forget(clientMessageId));
            throw e;
        } finally {
            inputRequests.remove(requestId);
        }
    }

    /**
     * Interrupts this session's turn. When the turn the server runs belongs to another session on the same
     * conversation, that turn is left alone: this session's waiting messages are taken out of the queue instead.
     */
    @Override
    public void interrupt() {
        ready();
        if (!withdrawBehindAnotherSession()) {
            control.interrupt(() -> !closed && Waits.onLoop(connection.loop(), stream::busy));
        }
    }

    /** @return whether another session's turn runs; this session's waiting messages are then withdrawn */
    private boolean withdrawBehindAnotherSession() {
        List<String> items = Waits.onLoop(connection.loop(), () -> !stream.ownsRunningTurn()
                && connection.router().anotherOwnsTheTurn(key, this) ? stream.withdrawWaiting() : null);
        if (items == null) {
            return false;
        }
        items.forEach(control::removeQueueItemAsync);
        return true;
    }

    /** Answers a permission request; while a reconnect is under way, returns at once ({@link ApprovalAnswers}). */
    @Override
    public void answer(ToolPermissionRequest request, PermissionDecision decision) {
        if (closed) {
            throw closedException();
        }
        answers.answer(request, decision, this::interrupt);
    }

    @Override
    public ModelCatalog listModels() {
        ready();
        return settings.listModels();
    }

    @Override
    public void updateModel(ModelUpdate update) {
        ready();
        settings.updateModel(update);
    }

    @Override
    public void updateDreaming(Dreaming dreaming) {
        ready();
        settings.updateDreaming(dreaming);
    }

    @Override
    public boolean removeQueued(String id) {
        Checks.requireText(id, "removeQueued id");
        ready();
        String itemId = Waits.onLoop(connection.loop(), () -> stream.queueItemId(id));
        return itemId != null && control.removeQueueItem(itemId);
    }

    @Override
    public Optional<AcceptedCommands> acceptedCommands() {
        return Optional.of(RawCommands.accepted(connection.backendKind()));
    }

    @Override
    public void sendRaw(Map<String, Object> command) {
        ready();
        connection.send(command);
    }

    @Override
    public CommandResponse request(Map<String, Object> command, ResponseMatcher matcher, Duration timeout) {
        Checks.requireNonNull(matcher, "matcher");
        Checks.requirePositive(timeout, "timeout");
        ready();
        return RawCommands.request(connection, key, command, matcher, timeout);
    }

    @Override
    public Duration requestTimeout() {
        return control.requestTimeout();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        subscribed.completeExceptionally(closedException()); // answers waiting for a reconnect are dropped
        if (busy()) {
            try {
                // Best effort: do not leave the server running a turn nobody listens to.
                if (!withdrawBehindAnotherSession()) {
                    control.abortAsync(Duration.ofSeconds(2), null).get(3, TimeUnit.SECONDS);
                }
            } catch (Exception e) {
                LOG.log(Level.DEBUG, "abort on close failed: {0}", e.toString());
            }
        }
        connection.router().unregister(key, this);
        Waits.runOnLoop(connection.loop(), () -> sink.onClosed(null));
    }

    @Override
    public void onFrame(ServerFrame frame) {
        if (closed) {
            return;
        }
        if (frame.type().equals("input_accepted")) {
            String clientMessageId = inputRequests.get(String.valueOf(frame.requestId()));
            if (clientMessageId != null && frame.succeeded()) {
                orphanAbortSent = false;
                stream.onInputAccepted(clientMessageId, frame.string("disposition"));
            }
        } else if (!frame.isResponse()) {
            stream.onFrame(frame);
        }
    }

    @Override
    public void onMalformedFrame(String message) {
        if (!closed) {
            stream.onMalformedFrame(message);
        }
    }

    @Override
    public boolean ownsRunningTurn() {
        return !closed && stream.ownsRunningTurn();
    }

    @Override
    public void onConnectionLost(TransportLostException cause) {
        if (subscribed.isDone()) {
            subscribed = new CompletableFuture<>(); // else a subscription is still awaited: keep its waiters
        }
        if (!closed) {
            stream.connectionLost(cause.getMessage(), null);
        }
    }

    @Override
    public void onReconnected() {
        CompletableFuture<Void> waiting = subscribed;
        start.resubscribe(connection, key).whenComplete((frame, error) -> {
            if (error == null && frame.succeeded()) {
                waiting.complete(null);
            } else if (!(Waits.unwrap(error) instanceof TransportLostException)) {
                waiting.completeExceptionally(error != null ? Waits.unwrap(error)
                        : ServerErrors.refused("runtime_start", frame.error(), connection.peer()));
            }
            // The new socket dropped too: the next reconnect subscribes again, or gives up (onGone).
        });
    }

    @Override
    public void onGone(TransportLostException cause) {
        subscribed.completeExceptionally(cause);
        connection.router().unregister(key, this);
        if (!closed) {
            closed = true;
            stream.connectionLost(cause.getMessage(), null);
            sink.onClosed(cause);
        }
    }

    @Override
    public void abortOrphanTurn(String runId) {
        if (orphanAbortSent) {
            return;
        }
        orphanAbortSent = true;
        control.abortAsync(requestTimeout(), runId).thenAccept(answer -> control.resumeQueue());
    }

    @Override
    public void removeAbandoned(String queueItemId) {
        control.removeQueueItemAsync(queueItemId);
    }

    @Override
    public void resendDecision(PendingApprovals.Resend resend) {
        answers.resend(resend);
    }

    @Override
    public void denyUnreadable(String requestId, String message) {
        control.answerApprovalAsync(requestId, PermissionDecision.deny(message));
    }

    /** Waits until the runtime is subscribed on a live socket (at once, unless a reconnect is under way). */
    private void ready() {
        if (closed) {
            throw closedException();
        }
        Waits.await(subscribed, connection.endpoint().reconnectBound().plus(requestTimeout()),
                "reconnecting session " + conversationId);
    }

    private SessionClosedException closedException() {
        return new SessionClosedException("session " + conversationId + " is closed; resume it with "
                + "resumeSession(\"" + conversationId + "\")");
    }

    private boolean busy() {
        try {
            return Waits.onLoop(connection.loop(), stream::busy);
        } catch (LettaCodeException | RejectedExecutionException e) {
            return false;
        }
    }
}

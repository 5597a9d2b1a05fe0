package ai.letta.code.transport.remote.internal;

import ai.letta.code.api.Dreaming;
import ai.letta.code.api.UserMessage;
import ai.letta.code.api.command.CommandResponse;
import ai.letta.code.api.command.ResponseMatcher;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.exception.LettaCodeException;
import ai.letta.code.api.exception.SessionClosedException;
import ai.letta.code.api.exception.TransportLostException;
import ai.letta.code.api.model.ModelCatalog;
import ai.letta.code.api.model.ModelUpdate;
import ai.letta.code.api.permission.PermissionDecision;
import ai.letta.code.api.permission.ToolPermissionRequest;
import ai.letta.code.api.port.SessionChannel;
import ai.letta.code.api.port.SessionSink;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One session: a runtime ({@code agent_id} + {@code conversation_id}) on the client's shared socket. Commands are
 * sent from caller threads; frames arrive on the event loop and go through the {@link TurnStream} to the sink.
 * After a dropped socket, the running turn has already failed ({@code stream_closed}); commands wait (bounded by
 * {@code RemoteOptions.reconnectBound}) until the runtime is subscribed again on the new socket.
 */
final class RemoteSession implements SessionChannel, RuntimeSubscriber, TurnStream.Peer {

    private static final System.Logger LOG = System.getLogger(RemoteSession.class.getName());
    /** How long a failed turn waits for the terminal {@code loop_error} that may follow {@code turn_finished}. */
    private static final Duration LATE_ERROR_WAIT = Duration.ofMillis(250);
    private static final int ABORT_ATTEMPTS = 10;

    private final ServerConnection connection;
    private final RuntimeKey key;
    private final String conversationId;
    private final SessionSink sink;
    private final RuntimeStart start;
    private final TurnStream stream;
    private final Map<String, String> inputRequests = new ConcurrentHashMap<>();
    private final SessionSettings settings;
    private volatile CompletableFuture<Void> subscribed = CompletableFuture.completedFuture(null);
    private volatile boolean closed;
    private volatile boolean orphanAbortSent;

    RemoteSession(ServerConnection connection, RuntimeKey key, String conversationId, String model,
            boolean partials, SessionSink sink, RuntimeStart start) {
        this.connection = connection;
        this.key = key;
        this.conversationId = conversationId;
        this.sink = sink;
        this.start = start;
        this.stream = new TurnStream(sink, connection.codec(), conversationId, partials, connection.loop(),
                LATE_ERROR_WAIT, this);
        this.settings = new SessionSettings(connection, key, model);
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
        ConfigurationException.requireText(clientMessageId, "clientMessageId");
        ConfigurationException.requireNonNull(message, "message");
        ready();
        String requestId = connection.correlator().nextRequestId("in");
        Map<String, Object> command = Commands.scoped("input", requestId, key);
        command.put("payload", Map.of("kind", "create_message",
                "messages", List.of(Commands.userMessage(clientMessageId, message))));
        inputRequests.put(requestId, clientMessageId);
        // Queued on the event loop before the frame is written, so the answer always finds the expectation.
        connection.loop().execute(() -> stream.expect(clientMessageId));
        try {
            ServerFrame accepted = awaitAnswer(command, "input", "input_accepted");
            if (!accepted.succeeded()) {
                throw ServerErrors.refused("input", accepted.error(), connection.url());
            }
        } catch (RuntimeException e) {
            connection.loop().execute(() -> stream.forget(clientMessageId));
            throw e;
        } finally {
            inputRequests.remove(requestId);
        }
    }

    @Override
    public void interrupt() {
        ready();
        for (int attempt = 0; attempt < ABORT_ATTEMPTS && !closed; attempt++) {
            ServerFrame answer = awaitAnswer(Commands.scoped("abort_message",
                    connection.correlator().nextRequestId("abort"), key), "abort_message", "abort_message_response");
            if (answer.json().path("aborted").asBoolean(false)) {
                resumeQueue();
                return;
            }
            // aborted:false while a turn is in flight means the model had not started yet (spec §4.5): try again.
            if (!onLoop(stream::busy)) {
                return;
            }
            sleep(150);
        }
    }

    @Override
    public void answer(ToolPermissionRequest request, PermissionDecision decision) {
        ready();
        Map<String, Object> command = Commands.scoped("input", connection.correlator().nextRequestId("ap"), key);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("kind", "approval_response");
        payload.put("request_id", request.requestId());
        payload.put("decision", Commands.decision(decision));
        command.put("payload", payload);
        ServerFrame accepted = awaitAnswer(command, "input", "input_accepted");
        if (!accepted.succeeded()) {
            // The approval expired (the turn was aborted, or the server dropped it): nothing waits for it any more.
            LOG.log(Level.WARNING, "approval {0} was not accepted: {1}", request.requestId(), accepted.error());
        }
        if (decision instanceof PermissionDecision.Deny deny && deny.interrupt()) {
            interrupt();
        }
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
        ConfigurationException.requireText(id, "removeQueued id");
        ready();
        String itemId = onLoop(() -> stream.queueItemId(id));
        if (itemId == null) {
            return false;
        }
        Map<String, Object> command = Commands.scoped("remove_queue_item",
                connection.correlator().nextRequestId("rq"), key);
        command.put("item_id", itemId);
        return awaitAnswer(command, "remove_queue_item", "remove_queue_item_response").succeeded();
    }

    @Override
    public void sendRaw(Map<String, Object> command) {
        ready();
        connection.send(RawCommands.validated(command));
    }

    @Override
    public CommandResponse request(Map<String, Object> command, ResponseMatcher matcher, Duration timeout) {
        ConfigurationException.requireNonNull(matcher, "matcher");
        ConfigurationException.requirePositive(timeout, "timeout");
        ready();
        Map<String, Object> raw = RawCommands.withRequestId(RawCommands.validated(command),
                connection.correlator().nextRequestId("raw"));
        String requestId = (String) raw.get("request_id");
        String type = (String) raw.get("type");
        CompletableFuture<ServerFrame> answer = connection.request(raw, type,
                frame -> matcher.matches(requestId, RawCommands.response(frame, connection.codec())), timeout);
        return RawCommands.response(Waits.await(answer, timeout.plusSeconds(1), "`" + type + "`"),
                connection.codec());
    }

    @Override
    public Duration requestTimeout() {
        return connection.options().requestTimeout();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (onLoopQuietly(stream::busy)) {
            try {
                // Best effort: do not leave the server running a turn nobody listens to.
                connection.request(Commands.scoped("abort_message", connection.correlator().nextRequestId("abort"),
                        key), "abort_message", f -> f.type().equals("abort_message_response"), Duration.ofSeconds(2))
                        .get(3, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.log(Level.DEBUG, "abort on close failed: {0}", e.toString());
            }
        }
        connection.router().unregister(key, this);
        runOnLoop(() -> sink.onClosed(null));
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
    public void onConnectionLost(TransportLostException cause) {
        subscribed = new CompletableFuture<>();
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
            } else {
                waiting.completeExceptionally(error != null ? Waits.unwrap(error)
                        : ServerErrors.refused("runtime_start", frame.error(), connection.url()));
            }
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
    public void abortOrphanTurn() {
        if (orphanAbortSent) {
            return;
        }
        orphanAbortSent = true;
        connection.request(Commands.scoped("abort_message", connection.correlator().nextRequestId("abort"), key),
                "abort_message", f -> f.type().equals("abort_message_response"), requestTimeout())
                .thenAccept(answer -> resumeQueue());
    }

    @Override
    public void removeAbandoned(String queueItemId) {
        Map<String, Object> command = Commands.scoped("remove_queue_item",
                connection.correlator().nextRequestId("rq"), key);
        command.put("item_id", queueItemId);
        connection.request(command, "remove_queue_item", f -> f.type().equals("remove_queue_item_response"),
                requestTimeout());
    }

    private void resumeQueue() {
        // The server pauses its queue after an abort (spec §4.5): sends queued behind the aborted turn must run.
        connection.send(Commands.scoped("resume_queue", connection.correlator().nextRequestId("resume"), key));
    }

    private ServerFrame awaitAnswer(Map<String, Object> command, String name, String responseType) {
        Duration timeout = requestTimeout();
        return Waits.await(connection.request(command, name, f -> f.type().equals(responseType), timeout),
                timeout.plusSeconds(1), "`" + name + "`");
    }

    /** Waits until the runtime is subscribed on a live socket (at once, unless a reconnect is under way). */
    private void ready() {
        if (closed) {
            throw new SessionClosedException("session " + conversationId + " is closed; resume it with "
                    + "resumeSession(\"" + conversationId + "\")");
        }
        Waits.await(subscribed, connection.options().reconnectBound().plus(requestTimeout()),
                "reconnecting session " + conversationId);
    }

    private <T> T onLoop(java.util.concurrent.Callable<T> task) {
        try {
            return connection.loop().submit(task).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw Waits.typed(Waits.unwrap(e));
        }
    }

    private boolean onLoopQuietly(java.util.concurrent.Callable<Boolean> task) {
        try {
            return onLoop(task);
        } catch (LettaCodeException | java.util.concurrent.RejectedExecutionException e) {
            return false;
        }
    }

    private void runOnLoop(Runnable task) {
        try {
            connection.loop().submit(task).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            task.run(); // the loop is gone (client closing): nothing else can call the sink any more
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

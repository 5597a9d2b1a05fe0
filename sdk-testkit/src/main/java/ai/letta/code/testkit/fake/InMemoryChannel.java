package ai.letta.code.testkit.fake;

import ai.letta.code.api.Dreaming;
import ai.letta.code.api.UserMessage;
import ai.letta.code.api.command.CommandResponse;
import ai.letta.code.api.command.ResponseMatcher;
import ai.letta.code.api.event.QueueUpdate;
import ai.letta.code.api.exception.OperationTimeoutException;
import ai.letta.code.api.exception.SessionClosedException;
import ai.letta.code.api.exception.TransportException;
import ai.letta.code.api.exception.TransportLostException;
import ai.letta.code.api.model.ModelCatalog;
import ai.letta.code.api.model.ModelUpdate;
import ai.letta.code.api.model.ReasoningEffort;
import ai.letta.code.api.permission.PermissionDecision;
import ai.letta.code.api.permission.PermissionMode;
import ai.letta.code.api.permission.ToolPermissionRequest;
import ai.letta.code.spi.SessionChannel;
import ai.letta.code.testkit.fake.SentCommand.Kind;
import ai.letta.code.testkit.script.TurnRequest;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One open session of the {@link InMemoryTransport}: records what the engine sends, hands messages to the
 * {@link PeerLoop} and delivers the peer's side through the {@link SinkPump}. Thread-safe.
 */
final class InMemoryChannel implements SessionChannel {

    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final InMemoryTransport transport;
    private final SessionSetup setup;
    private final SinkPump pump;
    private final PeerLoop loop;
    private final ToolRunner tools;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean dead = new AtomicBoolean();
    private volatile String model;
    private volatile ReasoningEffort effort;

    InMemoryChannel(InMemoryTransport transport, SessionSetup setup, SinkPump pump, ToolRunner tools) {
        this.transport = transport;
        this.setup = setup;
        this.pump = pump;
        this.tools = tools;
        this.model = setup.model();
        this.effort = setup.effort();
        this.loop = new PeerLoop("in-memory-peer-" + setup.conversationId());
    }

    /** Starts the peer thread; the channel is ready once this returns. */
    InMemoryChannel start() {
        TurnPlayer player = new TurnPlayer(this, loop);
        loop.start(player::play, pump::event, queue -> pump.event(new QueueUpdate(queue)));
        return this;
    }

    @Override
    public String agentId() {
        return setup.agentId();
    }

    @Override
    public String conversationId() {
        return setup.conversationId();
    }

    @Override
    public void send(String clientMessageId, UserMessage message) {
        Objects.requireNonNull(message, "message");
        ensureOpen();
        record(Kind.SEND, message, clientMessageId);
        loop.enqueue(clientMessageId, message);
    }

    @Override
    public void interrupt() {
        record(Kind.INTERRUPT, null, null);
        if (loop.interrupt()) {
            tools.cancel();
        }
    }

    @Override
    public void answer(ToolPermissionRequest request, PermissionDecision decision) {
        record(Kind.ANSWER, decision, request.requestId());
        loop.answer(request.requestId(), decision);
    }

    @Override
    public ModelCatalog listModels() {
        transport.require(transport.options().models(), "listModels");
        return transport.catalog().list(model);
    }

    @Override
    public void updateModel(ModelUpdate update) {
        transport.require(transport.options().models(), "updateModel");
        transport.catalog().validate(update, model);
        record(Kind.UPDATE_MODEL, update, null);
        update.modelHandle().ifPresent(handle -> {
            model = handle;
            transport.agentStore().model(agentId(), handle);
        });
        update.reasoningEffort().ifPresent(e -> effort = e);
    }

    @Override
    public void updateDreaming(Dreaming dreaming) {
        transport.require(transport.options().dreaming(), "updateDreaming");
        record(Kind.UPDATE_DREAMING, dreaming, null);
        transport.agentStore().dreaming(agentId(), dreaming);
    }

    @Override
    public boolean removeQueued(String id) {
        record(Kind.REMOVE_QUEUED, id, null);
        return loop.remove(id);
    }

    @Override
    public void sendRaw(Map<String, Object> command) {
        transport.require(transport.options().rawCommands(), "sendCommand");
        ensureOpen();
        record(Kind.RAW, Map.copyOf(command), Objects.toString(command.get("request_id"), null));
    }

    @Override
    public CommandResponse request(Map<String, Object> command, ResponseMatcher matcher, Duration timeout) {
        transport.require(transport.options().rawCommands(), "sendCommand");
        ensureOpen();
        String requestId = Objects.toString(command.get("request_id"), null);
        record(Kind.REQUEST, Map.copyOf(command), requestId);
        long deadline = System.nanoTime() + timeout.toNanos();
        CompletableFuture<Optional<Map<String, Object>>> answer = new CompletableFuture<>();
        // The answer comes from the peer's side, as a real reader thread would deliver it.
        pump.run(() -> answer.complete(transport.rawCommandHandler().answer(Map.copyOf(command))));
        try {
            Optional<Map<String, Object>> body = answer.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (body.isPresent()) {
                String type = Objects.toString(body.get().get("type"), "");
                CommandResponse response = new CommandResponse(type, body.get());
                if (matcher.matches(requestId, response)) {
                    return response;
                }
            }
            TimeUnit.NANOSECONDS.sleep(Math.max(0, deadline - System.nanoTime()));
        } catch (TimeoutException | ExecutionException e) {
            // no answer in time
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new OperationTimeoutException("no answer to the raw command " + command.get("type") + " (request_id "
                + requestId + ") matched within " + timeout + "; pass a longer timeout to sendCommand");
    }

    @Override
    public Duration requestTimeout() {
        return transport.options().requestTimeout();
    }

    @Override
    public void close() {
        if (dead.get() || !closed.compareAndSet(false, true)) {
            return;
        }
        record(Kind.CLOSE, null, null);
        loop.stop();
        tools.cancel();
        loop.join(CLOSE_WAIT);
        pump.close(null, CLOSE_WAIT);
        transport.forget(this);
    }

    /** Ends the channel as a crashed peer would: the sink gets {@code onClosed(cause)}; nothing follows. */
    void die(TransportException cause) {
        if (closed.get() || !dead.compareAndSet(false, true)) {
            return;
        }
        loop.stop();
        tools.cancel();
        pump.close(cause, Duration.ZERO);
        transport.forget(this);
    }

    // ---- for the TurnPlayer (peer thread) ----

    InMemoryTransport transport() {
        return transport;
    }

    SinkPump pump() {
        return pump;
    }

    ToolRunner tools() {
        return tools;
    }

    PermissionMode permissionMode() {
        return setup.permissionMode();
    }

    boolean partialMessages() {
        return setup.partialMessages();
    }

    void history(String messageType, String text, String runId) {
        transport.conversationStore().append(conversationId(), messageType, text, runId);
    }

    TurnRequest modelRequest(String userText, TurnRequest.ToolResult toolResult) {
        return transport.journal().modelRequest(new ModelCall(conversationId(), model,
                effort == null ? null : effort.value(), transport.agentStore().systemPrompt(agentId()), userText,
                toolResult));
    }

    private void ensureOpen() {
        if (dead.get()) {
            throw new TransportLostException("the in-memory peer of conversation " + conversationId() + " is gone",
                    null, null, null);
        }
        if (closed.get()) {
            throw new SessionClosedException("the in-memory session of conversation " + conversationId()
                    + " is closed; open a new one or resumeSession(\"" + conversationId() + "\")");
        }
    }

    private void record(Kind kind, Object payload, String detail) {
        transport.journal().sent(new SentCommand(conversationId(), kind, payload, detail, java.time.Instant.now()));
    }
}

package ai.letta.code.transport.local.session;

import ai.letta.code.api.Dreaming;
import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.UserMessage;
import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.command.CommandResponse;
import ai.letta.code.api.command.ResponseMatcher;
import ai.letta.code.api.event.ErrorCode;
import ai.letta.code.api.event.ErrorEvent;
import ai.letta.code.api.event.Init;
import ai.letta.code.api.exception.FrameTooLongException;
import ai.letta.code.api.exception.SessionClosedException;
import ai.letta.code.api.exception.TransportException;
import ai.letta.code.api.exception.TransportLostException;
import ai.letta.code.api.exception.UnsupportedFeatureException;
import ai.letta.code.api.model.ModelCatalog;
import ai.letta.code.api.model.ModelUpdate;
import ai.letta.code.api.permission.PermissionDecision;
import ai.letta.code.api.permission.ToolPermissionRequest;
import ai.letta.code.core.turn.QuietFlush;
import ai.letta.code.spi.AcceptedCommands;
import ai.letta.code.spi.Redaction;
import ai.letta.code.spi.SessionChannel;
import ai.letta.code.spi.SessionSink;
import ai.letta.code.spi.SessionTarget;
import ai.letta.code.transport.local.control.LocalModels;
import ai.letta.code.transport.local.process.CliArguments;
import ai.letta.code.transport.local.process.CliSpawner;
import ai.letta.code.transport.local.process.StdinWriter;
import ai.letta.code.transport.local.process.StdioTransport;
import ai.letta.code.transport.local.wire.NdjsonCodec;
import ai.letta.code.transport.local.wire.WireMessage;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One session over the CLI: the engine's commands become stdin lines, stdout lines become domain events. Created by
 * {@link StdioSessionPort}, which calls {@link #start} before handing it out. One turn runs at a time
 * ({@link TurnGate}); an interrupted turn the CLI cannot finish is ended here and its process replaced
 * ({@link ProcessReplacement}).
 *
 * <p><b>Joined messages.</b> Chunks sharing an id are joined into one event (local-stdio.md §7.5, sdk-core's
 * {@code ChunkJoiner}). A joined message is emitted when the next message starts, at the turn's end, or when the
 * stream has been quiet for {@code quietFlush} (sdk-core's {@code QuietFlush}), so reasoning shows while a model
 * pauses; a message continued after such a pause arrives as a second event with the same id.
 *
 * <p>The channel is also what its processes report to ({@link SessionProcess.Events}) and what a replacement asks
 * of its session ({@link ProcessReplacement.Session}); the class is package-private, so those stay in the package.
 *
 * <p>Thread-safe. Each process's stdout reader decodes, maps and calls the sink (which only enqueues); user code
 * never runs on it. State shared by the reader, the engine's calls and the timers is guarded by the sink's lock;
 * stdin is written by a {@link StdinWriter}, never under that lock.
 */
public final class StdioSessionChannel implements SessionChannel, SessionProcess.Events, ProcessReplacement.Session {

    private static final System.Logger LOG = System.getLogger(StdioSessionChannel.class.getName());
    private static final AtomicLong IDS = new AtomicLong();
    private final NdjsonCodec codec;
    private final GuardedSink sink;
    private final QueueModel queue = new QueueModel();
    private final WireEventMapper mapper;
    private final RawRequests raw;
    private final LocalModels models;
    private final CliSpawner spawner;
    private final SessionOptions options;
    private final StdioTiming timing;
    private final StdinWriter writer;
    private final QuietFlush quietFlush;
    private final AtomicLong requestIds = new AtomicLong();
    private final TurnGate gate;
    private final ProcessReplacement replacement;

    private volatile String agentId;
    private volatile boolean onDefaultConversation;
    private volatile String conversationId;
    private volatile String modelHandle;

    /**
     * @param codec the NDJSON codec
     * @param sink the engine's sink
     * @param models the model catalog and switch
     * @param spawner starts this session's processes
     * @param options the session's options
     * @param timing the request timeout, close grace, interrupt grace and quiet flush
     */
    StdioSessionChannel(NdjsonCodec codec, SessionSink sink, LocalModels models, CliSpawner spawner,
            SessionOptions options, StdioTiming timing) {
        this.codec = codec;
        this.sink = new GuardedSink(sink);
        this.models = models;
        this.spawner = spawner;
        this.options = options;
        this.timing = timing;
        this.modelHandle = options.model().orElse(null);
        this.raw = new RawRequests(codec);
        this.writer = new StdinWriter("letta-cli-session-" + IDS.incrementAndGet() + "-stdin",
                timing.requestTimeout());
        this.gate = new TurnGate(this.sink, queue, writer);
        this.mapper = new WireEventMapper(this.sink, codec, queue, this::reply, options.includePartialMessages(),
                gate::turnEnded);
        // The timer's task takes the sink's lock, the serial context of the mapper.
        this.quietFlush = new QuietFlush((task, delay) -> LocalTimer.schedule(() -> this.sink.always(task), delay),
                timing.quietFlush());
        this.replacement = new ProcessReplacement(gate, this, timing.interruptGrace(), timing.closeGrace());
    }

    /**
     * Spawns the first process and waits for its handshake.
     *
     * @param target which conversation
     * @throws TransportException (or a subtype) if the CLI does not start; nothing is left running
     */
    void start(SessionTarget target) {
        SessionProcess first = new SessionProcess(this);
        spawner.spawn(CliArguments.session(target, options), first);
        // The CLI boots for about a second: time enough to warm the first turn's code paths on this thread.
        TurnPathWarmUp.run(codec, TurnPathWarmUp.DISCARD);
        WireMessage.SystemInit init;
        try {
            init = spawner.await(first.handshake, first.transport());
        } catch (RuntimeException e) {
            writer.shutdown();
            throw e;
        }
        agentId = init.agentId();
        onDefaultConversation = SessionTarget.DEFAULT_CONVERSATION.equals(init.conversationId());
        conversationId = SessionTarget.reportedConversationId(init.agentId(), init.conversationId());
        mapper.reportDefaultConversationAs(init.agentId());
        gate.serve(first);
        sink.onEvent(new Init(init.agentId(), conversationId, init.model(), init.tools()));
    }

    /** @return the process serving the session now (tests and diagnostics) */
    public StdioTransport transport() {
        SessionProcess p = gate.current();
        return p == null ? null : p.transport();
    }

    @Override
    public String agentId() {
        return agentId;
    }

    @Override
    public String conversationId() {
        return conversationId;
    }

    @Override
    public void send(String clientMessageId, UserMessage message) {
        String line = codec.user(message);
        TurnGate.Admission admission = gate.admit(clientMessageId, line, message.plainText());
        if (admission.refused()) {
            TransportLostException lost = admission.lost();
            throw lost != null ? new TransportLostException(lost.getMessage(),
                    lost.exitCode().isPresent() ? lost.exitCode().getAsInt() : null,
                    lost.diagnosticTail().orElse(null), lost) : closed("send");
        }
        if (admission.writeTo() == null) {
            return;
        }
        try {
            writer.writeAndWait(admission.writeTo().transport(), line);
        } catch (RuntimeException e) {
            gate.writeFailed();
            throw e;
        }
    }

    @Override
    public void interrupt() {
        SessionProcess target = gate.current();
        if (gate.interruptHeld(conversationId) || target == null) {
            return;
        }
        writer.writeAndWait(target.transport(), codec.controlRequest("interrupt-" + requestIds.incrementAndGet(),
                Map.of("subtype", "interrupt")));
        replacement.watch(target);
    }

    @Override
    public void answer(ToolPermissionRequest request, PermissionDecision decision) {
        SessionProcess target = gate.current();
        if (target == null || !target.asked.remove(request.requestId())) {
            // Asked by a process that was replaced since: nobody waits for this answer any more.
            return;
        }
        writer.writeAndWait(target.transport(), codec.permissionAnswer(request.requestId(), decision));
    }

    @Override
    public ModelCatalog listModels() {
        SessionProcess p = gate.current();
        WireMessage.SystemInit init = p == null ? null : p.handshake.getNow(null);
        return models.listFor(modelHandle, init == null ? null : init.model());
    }

    @Override
    public void updateModel(ModelUpdate update) {
        String handle = models.update(agentId, onDefaultConversation ? null : conversationId, update);
        if (handle != null) {
            modelHandle = handle;
        }
    }

    @Override
    public void updateDreaming(Dreaming dreaming) {
        throw new UnsupportedFeatureException("updateDreaming on an open session (the local CLI takes dreaming"
                + " settings only at spawn: set SessionOptions.dreaming)", BackendKind.LOCAL,
                Set.of(BackendKind.REMOTE, BackendKind.CLOUD));
    }

    @Override
    public boolean removeQueued(String id) {
        return gate.removeHeld(id);
    }

    @Override
    public Optional<AcceptedCommands> acceptedCommands() {
        return Optional.of(RawRequests.ACCEPTED);
    }

    @Override
    public void sendRaw(Map<String, Object> command) {
        writer.writeAndWait(requireProcess("sendCommand").transport(), RawRequests.line(codec, command));
    }

    @Override
    public CommandResponse request(Map<String, Object> command, ResponseMatcher matcher, Duration timeout) {
        String line = RawRequests.line(codec, command);
        String requestId = String.valueOf(command.get("request_id"));
        SessionProcess target = requireProcess("sendCommand");
        return raw.await(requestId, () -> writer.writeAndWait(target.transport(), line), matcher, timeout);
    }

    @Override
    public Duration requestTimeout() {
        return timing.requestTimeout();
    }

    /**
     * Stops the process: an interrupt first when a turn runs (stdin EOF alone lets the CLI finish it), then stdin
     * EOF, the grace period (shortened to the interrupt grace when a turn was interrupted), SIGTERM, SIGKILL.
     * Waits for a replacement in progress and stops it too. Idempotent.
     */
    @Override
    public void close() {
        boolean busy = gate.beginClose();
        sink.always(quietFlush::close);
        replacement.awaitDone();
        SessionProcess p = gate.last();
        if (p == null) {
            writer.shutdown();
            sink.onClosed(null);
            return;
        }
        if (busy) {
            try {
                writer.writeAndWait(p.transport(), codec.controlRequest("interrupt-close",
                        Map.of("subtype", "interrupt")), timing.closeGrace());
            } catch (RuntimeException e) {
                // The process is already gone; closing it below reports that.
            }
        }
        writer.shutdown();
        Duration grace = busy && timing.interruptGrace().compareTo(timing.closeGrace()) < 0
                ? timing.interruptGrace() : timing.closeGrace();
        p.transport().close(grace);
        // The process's end normally reports this; not when it was a retired one (closed mid-replacement).
        raw.close();
        sink.onClosed(null);
    }

    // ---- what the processes report (SessionProcess.Events) ----

    @Override
    public void line(SessionProcess from, String line) {
        WireMessage.Decoded decoded = codec.decode(line);
        if (decoded.message() instanceof WireMessage.SystemInit init) {
            from.handshake.complete(init);
            return;
        }
        if (decoded.message() instanceof WireMessage.ErrorLine error && !from.handshake.isDone()) {
            from.reportedBeforeHandshake(error.message());
        }
        if (decoded.message() instanceof WireMessage.Malformed m) {
            malformed(from, m);
            return;
        }
        if (decoded.message() instanceof WireMessage.ControlRequest r && "can_use_tool".equals(r.subtype())
                && r.requestId() != null) {
            from.asked.add(r.requestId());
        }
        sink.always(() -> {
            if (!gate.servedBy(from)) {
                return;
            }
            raw.offer(decoded);
            try {
                mapper.accept(decoded);
            } catch (RuntimeException e) {
                // One line the SDK cannot bind must not kill the reader (the CLI would look dead while it runs).
                sink.onEvent(new ErrorEvent("could not read a line of the Letta Code CLI: " + e.getMessage(),
                        ErrorCode.PROTOCOL_ERROR, Redaction.head(Redaction.text(line), Redaction.MAX_MESSAGE), null));
            }
            mapper.armQuietFlush(quietFlush);
        });
    }

    /**
     * The CLI guards its stdout in headless mode (stray console output goes elsewhere), so once it has said
     * {@code system/init} a line that is not JSON is a broken protocol, reported as the other transports report a
     * garbage frame: a {@code protocol_error} {@link ErrorEvent}, and the turn goes on. Before the handshake it is
     * start-up noise, kept at DEBUG.
     */
    private void malformed(SessionProcess from, WireMessage.Malformed m) {
        String head = Redaction.head(Redaction.text(m.line()), Redaction.MAX_MESSAGE);
        if (!from.handshake.isDone()) {
            LOG.log(System.Logger.Level.DEBUG, () -> "skipped a non-JSON stdout line before system/init ("
                    + m.reason() + "): " + head);
            return;
        }
        sink.always(() -> {
            if (gate.servedBy(from)) {
                sink.onEvent(new ErrorEvent("the Letta Code CLI wrote a stdout line that is not a JSON object ("
                        + m.reason() + "); it was skipped", ErrorCode.PROTOCOL_ERROR, head, null));
            }
        });
    }

    @Override
    public void lineTooLong(SessionProcess from, FrameTooLongException tooLong) {
        sink.always(() -> {
            if (gate.servedBy(from)) {
                mapper.flush();
                sink.onEvent(new ErrorEvent(tooLong.getMessage(), ErrorCode.PROTOCOL_ERROR, null, null));
            }
        });
    }

    @Override
    public void ended(SessionProcess from, boolean requested, Integer exitCode) {
        TransportLostException cause = requested ? null : from.lost(exitCode);
        if (!gate.ended(from, cause, mapper::flush)) {
            return;
        }
        raw.close();
        writer.shutdown();
        sink.onClosed(cause);
    }

    // ---- replacing a process that did not end an interrupted turn (ProcessReplacement.Session) ----

    @Override
    public void endInterruptedTurn() {
        mapper.endInterrupted(conversationId);
    }

    /** On the replacement's thread: a process on the same conversation, with the model switched to since. */
    @Override
    public SessionProcess respawn() {
        SessionProcess next = new SessionProcess(this);
        SessionOptions again = modelHandle == null ? options : options.toBuilder().model(modelHandle).build();
        SessionTarget same = onDefaultConversation ? SessionTarget.resume(agentId)
                : SessionTarget.existing(agentId, conversationId);
        spawner.spawn(CliArguments.session(same, again), next);
        spawner.await(next.handshake, next.transport());
        return next;
    }

    @Override
    public void replacementFailed(RuntimeException e, boolean report) {
        raw.close();
        writer.shutdown();
        if (report) {
            sink.onClosed(new TransportLostException("the Letta Code CLI did not end an interrupted turn, and a new"
                    + " process on conversation " + conversationId + " could not be started: " + e.getMessage(),
                    e instanceof TransportException t && t.exitCode().isPresent() ? t.exitCode().getAsInt() : null,
                    e instanceof TransportException t ? t.diagnosticTail().orElse(null) : null, e));
        }
    }

    // ---- helpers ----

    private void reply(String line) {
        SessionProcess p = gate.current();
        if (p != null) {
            writer.writeLater(p.transport(), line);
        }
    }

    private SessionProcess requireProcess(String operation) {
        SessionProcess p = gate.current();
        if (p == null) {
            throw closed(operation);
        }
        return p;
    }

    private SessionClosedException closed(String operation) {
        return new SessionClosedException(operation + " on a closed session; open a new one or resumeSession(\""
                + conversationId + "\")");
    }
}

package ai.letta.code.transport.local;

import ai.letta.code.api.Dreaming;
import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.UserMessage;
import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.command.CommandResponse;
import ai.letta.code.api.command.ResponseMatcher;
import ai.letta.code.api.event.ErrorCode;
import ai.letta.code.api.event.ErrorEvent;
import ai.letta.code.api.event.Init;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.exception.FrameTooLongException;
import ai.letta.code.api.exception.LettaCodeException;
import ai.letta.code.api.exception.SessionClosedException;
import ai.letta.code.api.exception.TransportException;
import ai.letta.code.api.exception.TransportLostException;
import ai.letta.code.api.exception.UnsupportedFeatureException;
import ai.letta.code.api.model.ModelCatalog;
import ai.letta.code.api.model.ModelUpdate;
import ai.letta.code.api.permission.PermissionDecision;
import ai.letta.code.api.permission.ToolPermissionRequest;
import ai.letta.code.api.port.SessionChannel;
import ai.letta.code.api.port.SessionSink;
import ai.letta.code.api.port.SessionTarget;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One session over the CLI: the engine's commands become stdin lines, stdout lines become domain events. Created by
 * {@link StdioSessionPort}, which calls {@link #start} before handing it out.
 *
 * <p><b>One turn at a time.</b> A user line is written only when no turn runs; a message sent meanwhile is held
 * here ({@link QueueModel}) and written after the running turn's {@code result}. The CLI would queue it too, but
 * held here it can still be removed, shows in {@code queue_update}s, and survives a replacement of the process.
 *
 * <p><b>Interrupts the CLI cannot finish.</b> The CLI acknowledges an {@code interrupt} at once but ends the turn
 * only when its model stream yields again; a silent provider (local backend) would hold the interrupted turn
 * forever. So after an interrupt the channel waits at most {@code interruptGrace} for the turn's {@code result};
 * then it ends the turn itself with an interrupted {@link Result} (what the CLI would have sent), replaces the
 * process with a new one on the same conversation ({@code --conversation <id>}) and writes the held messages there.
 * Sends during the replacement are held; if it fails, the session closes with a {@link TransportLostException}.
 *
 * <p><b>Joined messages.</b> Chunks sharing an id are joined into one event (local-stdio.md §7.5). A joined
 * message is emitted when the next message starts, at the turn's end, or when the stream has been quiet for
 * {@code quietFlush}, so reasoning shows while a model pauses; a message continued after such a pause arrives as a
 * second event with the same id.
 *
 * <p>Thread-safe. Each process's stdout reader decodes, maps and calls the sink (which only enqueues); user code
 * never runs on it. State shared by the reader, the engine's calls and the timers is guarded by the sink's lock;
 * stdin is written by a {@link StdinWriter}, never under that lock.
 */
final class StdioSessionChannel implements SessionChannel {

    private static final System.Logger LOG = System.getLogger(StdioSessionChannel.class.getName());
    private static final AtomicLong IDS = new AtomicLong();
    private static final String DEFAULT_CONVERSATION = "default";

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
    private final SessionProcess.Events events = new SessionProcess.Events() {
        @Override
        public void line(SessionProcess from, String line) {
            StdioSessionChannel.this.line(from, line);
        }

        @Override
        public void lineTooLong(SessionProcess from, FrameTooLongException tooLong) {
            StdioSessionChannel.this.lineTooLong(from, tooLong);
        }

        @Override
        public void ended(SessionProcess from, boolean requested, Integer exitCode) {
            StdioSessionChannel.this.ended(from, requested, exitCode);
        }

        @Override
        public String conversationId() {
            return StdioSessionChannel.this.conversationId;
        }
    };
    private final AtomicLong requestIds = new AtomicLong();

    // Guarded by sink's lock.
    private SessionProcess current;
    private SessionProcess last;
    private TransportLostException lost;
    private boolean inTurn;
    private long results;
    private boolean replacing;
    private boolean closing;

    private volatile String agentId;
    private volatile boolean onDefaultConversation;
    private volatile String conversationId;
    private volatile String modelHandle;
    private volatile CompletableFuture<Void> replacement = CompletableFuture.completedFuture(null);

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
        this.modelHandle = options.model();
        this.raw = new RawRequests(codec);
        this.writer = new StdinWriter("letta-cli-session-" + IDS.incrementAndGet() + "-stdin");
        this.mapper = new WireEventMapper(this.sink, codec, queue, this::reply, options.includePartialMessages(),
                this::turnEnded);
        this.quietFlush = new QuietFlush(timing.quietFlush(), this.sink, mapper);
    }

    /**
     * Spawns the first process and waits for its handshake.
     *
     * @param target which conversation
     * @throws TransportException (or a subtype) if the CLI does not start; nothing is left running
     */
    void start(SessionTarget target) {
        SessionProcess first = new SessionProcess(events);
        spawner.spawn(CliArguments.session(target, options), first);
        WireMessage.SystemInit init;
        try {
            init = spawner.await(first.handshake, first.transport());
        } catch (RuntimeException e) {
            writer.shutdown();
            throw e;
        }
        agentId = init.agentId();
        onDefaultConversation = DEFAULT_CONVERSATION.equals(init.conversationId());
        // The CLI names an agent's main thread "default" (it has no other id); like transport-remote, hand out the
        // agent id, which resumeSession(id) maps back to that thread, never the bare alias.
        conversationId = onDefaultConversation ? init.agentId() : init.conversationId();
        mapper.reportDefaultConversationAs(init.agentId());
        sink.always(() -> {
            current = first;
            last = first;
        });
        sink.onEvent(new Init(init.agentId(), conversationId, init.model(), init.tools()));
    }

    /** @return the process serving the session now (tests and diagnostics) */
    StdioTransport transport() {
        SessionProcess p = currentProcess();
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
        SessionProcess[] target = new SessionProcess[1];
        boolean[] rejected = new boolean[1];
        TransportLostException[] cause = new TransportLostException[1];
        sink.always(() -> {
            if (closing || sink.isClosed() || current == null && !replacing) {
                rejected[0] = true;
                cause[0] = lost;
            } else if (inTurn || replacing || queue.hasHeld()) {
                sink.onEvent(queue.hold(clientMessageId, line, message.plainText()));
            } else {
                inTurn = true;
                queue.written(clientMessageId);
                target[0] = current;
            }
        });
        if (rejected[0]) {
            throw cause[0] != null ? new TransportLostException(cause[0].getMessage(),
                    cause[0].exitCode().isPresent() ? cause[0].exitCode().getAsInt() : null,
                    cause[0].diagnosticTail().orElse(null), cause[0]) : closed("send");
        }
        if (target[0] == null) {
            return;
        }
        try {
            writer.writeAndWait(target[0].transport(), line);
        } catch (RuntimeException e) {
            sink.always(() -> inTurn = false);
            throw e;
        }
    }

    @Override
    public void interrupt() {
        SessionProcess target = currentProcess();
        boolean[] dropHeld = new boolean[1];
        sink.always(() -> {
            // While the process is being replaced no turn runs; the message the engine waits on is the oldest held.
            if (replacing && queue.nextHeld().isPresent()) {
                sink.onEvent(queue.snapshot());
                sink.onEvent(Result.interrupted(ErrorCode.INTERRUPTED, null, conversationId));
                dropHeld[0] = true;
            }
        });
        if (dropHeld[0] || target == null) {
            return;
        }
        writer.writeAndWait(target.transport(), codec.controlRequest("interrupt-" + requestIds.incrementAndGet(),
                Map.of("subtype", "interrupt")));
        sink.always(() -> {
            if (inTurn && current == target) {
                long seen = results;
                LocalTimer.schedule(() -> endStuckTurn(target, seen), timing.interruptGrace());
            }
        });
    }

    @Override
    public void answer(ToolPermissionRequest request, PermissionDecision decision) {
        SessionProcess target = currentProcess();
        if (target == null || !target.asked.remove(request.requestId())) {
            // Asked by a process that was replaced since: nobody waits for this answer any more.
            return;
        }
        writer.writeAndWait(target.transport(), codec.permissionAnswer(request.requestId(), decision));
    }

    @Override
    public ModelCatalog listModels() {
        SessionProcess p = currentProcess();
        WireMessage.SystemInit init = p == null ? null : p.handshake.getNow(null);
        return models.listFor(modelHandle, init == null ? null : init.model());
    }

    @Override
    public void updateModel(ModelUpdate update) {
        String handle = models.update(agentId, update);
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
        boolean[] removed = new boolean[1];
        sink.always(() -> {
            removed[0] = queue.removeHeld(id);
            if (removed[0]) {
                sink.onEvent(queue.snapshot());
            }
        });
        return removed[0];
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
        boolean[] busy = new boolean[1];
        sink.always(() -> {
            closing = true;
            busy[0] = inTurn && current != null;
            quietFlush.cancel();
        });
        awaitReplacement();
        SessionProcess[] target = new SessionProcess[1];
        sink.always(() -> target[0] = last);
        SessionProcess p = target[0];
        if (p == null) {
            writer.shutdown();
            sink.onClosed(null);
            return;
        }
        if (busy[0]) {
            try {
                writer.writeAndWait(p.transport(), codec.controlRequest("interrupt-close",
                        Map.of("subtype", "interrupt")));
            } catch (RuntimeException e) {
                // The process is already gone; closing it below reports that.
            }
        }
        writer.shutdown();
        Duration grace = busy[0] && timing.interruptGrace().compareTo(timing.closeGrace()) < 0
                ? timing.interruptGrace() : timing.closeGrace();
        p.transport().close(grace);
        // The process's end normally reports this; not when it was a retired one (closed mid-replacement).
        raw.close();
        sink.onClosed(null);
    }

    // ---- what the processes report ----

    private void line(SessionProcess from, String line) {
        WireMessage.Decoded decoded = codec.decode(line);
        if (decoded.message() instanceof WireMessage.SystemInit init) {
            from.handshake.complete(init);
            return;
        }
        if (decoded.message() instanceof WireMessage.Malformed m) {
            // The upstream SDK drops non-JSON lines too; a mod's stray console.log must not fail a turn.
            LOG.log(System.Logger.Level.DEBUG, () -> "dropped a non-JSON stdout line (" + m.reason() + "): "
                    + (m.line().length() > 200 ? m.line().substring(0, 200) + "…" : m.line()));
            return;
        }
        if (decoded.message() instanceof WireMessage.ControlRequest r && "can_use_tool".equals(r.subtype())
                && r.requestId() != null) {
            from.asked.add(r.requestId());
        }
        sink.always(() -> {
            if (from != current) {
                return;
            }
            raw.offer(decoded.tree());
            mapper.accept(decoded);
            quietFlush.lineMapped();
        });
    }

    private void lineTooLong(SessionProcess from, FrameTooLongException tooLong) {
        sink.always(() -> {
            if (from == current) {
                mapper.flush();
                sink.onEvent(new ErrorEvent(tooLong.getMessage(), ErrorCode.PROTOCOL_ERROR, null, null));
            }
        });
    }

    private void ended(SessionProcess from, boolean requested, Integer exitCode) {
        TransportLostException cause = requested ? null : from.lost(exitCode);
        boolean[] mine = new boolean[1];
        sink.always(() -> {
            mine[0] = from == current && !from.retired();
            if (mine[0]) {
                current = null;
                lost = cause;
                mapper.flush();
            }
        });
        if (!mine[0]) {
            return;
        }
        raw.close();
        writer.shutdown();
        sink.onClosed(cause);
    }

    // ---- turns, held messages and replacement; called under the sink's lock unless said otherwise ----

    private void turnEnded() {
        inTurn = false;
        results++;
        writeNextHeld();
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

    /** Timer: the interrupted turn had {@code interruptGrace} to end; if it did not, replace the process. */
    private void endStuckTurn(SessionProcess stuck, long resultsBefore) {
        boolean[] replace = new boolean[1];
        sink.always(() -> {
            if (closing || replacing || stuck != current || !inTurn || results != resultsBefore) {
                return;
            }
            stuck.retire();
            mapper.endInterrupted(conversationId);
            inTurn = false;
            results++;
            replacing = true;
            queue.forgetCli();
            replace[0] = true;
        });
        if (replace[0]) {
            LOG.log(System.Logger.Level.DEBUG, () -> "the CLI (pid " + stuck.transport().pid() + ") did not end an"
                    + " interrupted turn within " + timing.interruptGrace().toMillis() + " ms; replacing it");
            CompletableFuture<Void> done = new CompletableFuture<>();
            replacement = done;
            Thread thread = new Thread(() -> replace(stuck, done), "letta-cli-replace-" + stuck.transport().pid());
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Own thread: stops the stuck process, starts one on the same conversation, writes what was held. */
    private void replace(SessionProcess stuck, CompletableFuture<Void> done) {
        try {
            stuck.transport().kill();
            if (isClosing()) {
                return;
            }
            SessionProcess next = new SessionProcess(events);
            SessionOptions again = modelHandle == null ? options : options.toBuilder().model(modelHandle).build();
            try {
                SessionTarget same = onDefaultConversation ? SessionTarget.resume(agentId)
                        : SessionTarget.existing(agentId, conversationId);
                spawner.spawn(CliArguments.session(same, again), next);
                spawner.await(next.handshake, next.transport());
            } catch (LettaCodeException e) {
                replacementFailed(e);
                return;
            }
            boolean[] adopted = new boolean[1];
            sink.always(() -> {
                if (!closing) {
                    current = next;
                    last = next;
                    replacing = false;
                    adopted[0] = true;
                    writeNextHeld();
                }
            });
            if (!adopted[0]) {
                next.transport().close(timing.closeGrace());
            }
        } catch (RuntimeException e) {
            replacementFailed(e);
        } finally {
            done.complete(null);
        }
    }

    private void replacementFailed(RuntimeException e) {
        boolean[] report = new boolean[1];
        sink.always(() -> {
            report[0] = !closing;
            replacing = false;
        });
        raw.close();
        writer.shutdown();
        if (report[0]) {
            sink.onClosed(new TransportLostException("the Letta Code CLI did not end an interrupted turn, and a new"
                    + " process on conversation " + conversationId + " could not be started: " + e.getMessage(),
                    e instanceof TransportException t && t.exitCode().isPresent() ? t.exitCode().getAsInt() : null,
                    e instanceof TransportException t ? t.diagnosticTail().orElse(null) : null, e));
        }
    }

    // ---- helpers ----

    private void reply(String line) {
        SessionProcess p = currentProcess();
        if (p != null) {
            writer.writeLater(p.transport(), line);
        }
    }

    private SessionProcess currentProcess() {
        SessionProcess[] p = new SessionProcess[1];
        sink.always(() -> p[0] = current);
        return p[0];
    }

    private SessionProcess requireProcess(String operation) {
        SessionProcess p = currentProcess();
        if (p == null) {
            throw closed(operation);
        }
        return p;
    }

    private boolean isClosing() {
        boolean[] c = new boolean[1];
        sink.always(() -> c[0] = closing);
        return c[0] || sink.isClosed();
    }

    private void awaitReplacement() {
        try {
            replacement.get(timing.closeGrace().toMillis() + 30_000, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // Bounded: a replacement that hangs is killed with the rest below.
        }
    }

    private SessionClosedException closed(String operation) {
        return new SessionClosedException(operation + " on a closed session; open a new one or resumeSession(\""
                + conversationId + "\")");
    }
}

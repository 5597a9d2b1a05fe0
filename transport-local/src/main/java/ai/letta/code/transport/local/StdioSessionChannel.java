package ai.letta.code.transport.local;

import ai.letta.code.api.Dreaming;
import ai.letta.code.api.UserMessage;
import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.command.CommandResponse;
import ai.letta.code.api.command.ResponseMatcher;
import ai.letta.code.api.event.ErrorCode;
import ai.letta.code.api.event.ErrorEvent;
import ai.letta.code.api.event.Init;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.exception.FrameTooLongException;
import ai.letta.code.api.exception.TransportLostException;
import ai.letta.code.api.exception.UnsupportedFeatureException;
import ai.letta.code.api.model.ModelCatalog;
import ai.letta.code.api.model.ModelUpdate;
import ai.letta.code.api.permission.PermissionDecision;
import ai.letta.code.api.permission.ToolPermissionRequest;
import ai.letta.code.api.port.SessionChannel;
import ai.letta.code.api.port.SessionSink;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One session over one CLI process: the engine's commands become stdin lines, stdout lines become domain events.
 * Created by {@link StdioSessionPort}, which waits for {@link #handshake()} before handing it out.
 *
 * <p>Thread-safe. The stdout reader decodes, maps and calls the sink (which only enqueues); user code never runs
 * on it. Raw command matchers run on the caller's thread ({@link RawRequests}).
 */
final class StdioSessionChannel implements SessionChannel, StdioTransport.Listener {

    private static final System.Logger LOG = System.getLogger(StdioSessionChannel.class.getName());

    private final NdjsonCodec codec;
    private final GuardedSink sink;
    private final QueueModel queue = new QueueModel();
    private final WireEventMapper mapper;
    private final RawRequests raw;
    private final LocalModels models;
    private final Duration requestTimeout;
    private final Duration closeGrace;
    private final CompletableFuture<WireMessage.SystemInit> handshake = new CompletableFuture<>();
    private final ReentrantLock sendLock = new ReentrantLock();
    private final AtomicLong requestIds = new AtomicLong();
    private volatile StdioTransport transport;
    private volatile String agentId;
    private volatile String conversationId;
    private volatile String modelHandle;

    StdioSessionChannel(NdjsonCodec codec, SessionSink sink, LocalModels models, boolean partialMessages,
            String requestedModel, Duration requestTimeout, Duration closeGrace) {
        this.codec = codec;
        this.sink = new GuardedSink(sink);
        this.models = models;
        this.requestTimeout = requestTimeout;
        this.closeGrace = closeGrace;
        this.modelHandle = requestedModel;
        this.raw = new RawRequests(codec);
        this.mapper = new WireEventMapper(this.sink, codec, queue, this::writeQuietly, partialMessages);
    }

    @Override
    public void attached(StdioTransport transport) {
        this.transport = transport;
    }

    /** @return completes with {@code system/init}, or exceptionally when the process ends first */
    CompletableFuture<WireMessage.SystemInit> handshake() {
        return handshake;
    }

    StdioTransport transport() {
        return transport;
    }

    @Override
    public void line(String line) {
        WireMessage.Decoded decoded = codec.decode(line);
        raw.offer(decoded.tree());
        if (decoded.message() instanceof WireMessage.SystemInit init) {
            agentId = init.agentId();
            conversationId = init.conversationId();
            sink.onEvent(new Init(init.agentId(), init.conversationId(), init.model(), init.tools()));
            handshake.complete(init);
        } else if (decoded.message() instanceof WireMessage.Malformed m) {
            // The upstream SDK drops non-JSON lines too; a mod's stray console.log must not fail a turn.
            LOG.log(System.Logger.Level.DEBUG, () -> "dropped a non-JSON stdout line (" + m.reason() + "): "
                    + (m.line().length() > 200 ? m.line().substring(0, 200) + "…" : m.line()));
        } else {
            sink.locked(() -> mapper.accept(decoded));
        }
    }

    @Override
    public void lineTooLong(FrameTooLongException tooLong) {
        sink.locked(() -> {
            mapper.flush();
            sink.onEvent(new ErrorEvent(tooLong.getMessage(), ErrorCode.PROTOCOL_ERROR, null, null));
        });
    }

    @Override
    public void ended(boolean requested, Integer exitCode) {
        raw.close();
        StdioTransport t = transport;
        String tail = t == null ? "" : t.stderr().text();
        if (!handshake.isDone()) {
            handshake.completeExceptionally(new TransportLostException("the Letta Code CLI "
                    + (exitCode == null ? "stopped" : "exited with code " + exitCode) + " before its handshake"
                    + " (system/init)" + (t == null ? "" : t.stderr().forMessage()), exitCode, tail, null));
            return;
        }
        sink.locked(mapper::flush);
        sink.onClosed(requested ? null : new TransportLostException("the Letta Code CLI (pid "
                + (t == null ? "?" : t.pid()) + ") " + (exitCode == null ? "stopped" : "exited with code " + exitCode)
                + " while the session was open" + (t == null ? "" : t.stderr().forMessage()), exitCode, tail, null));
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
        sendLock.lock();
        try {
            // Recorded before writing, so the reader can match the CLI's queue item to this id.
            queue.sent(clientMessageId);
            transport.writeLine(line);
        } finally {
            sendLock.unlock();
        }
    }

    @Override
    public void interrupt() {
        transport.writeLine(codec.controlRequest("interrupt-" + requestIds.incrementAndGet(),
                Map.of("subtype", "interrupt")));
    }

    @Override
    public void answer(ToolPermissionRequest request, PermissionDecision decision) {
        transport.writeLine(codec.permissionAnswer(request.requestId(), decision));
    }

    @Override
    public ModelCatalog listModels() {
        ModelCatalog catalog = models.list();
        return new ModelCatalog(catalog.entries(), currentHandle(catalog));
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
        throw new UnsupportedFeatureException("removeQueuedMessage (the CLI's stdio protocol has no command for"
                + " it)", BackendKind.LOCAL, Set.of(BackendKind.REMOTE));
    }

    @Override
    public void sendRaw(Map<String, Object> command) {
        transport.writeLine(rawLine(command));
    }

    @Override
    public CommandResponse request(Map<String, Object> command, ResponseMatcher matcher, Duration timeout) {
        String line = rawLine(command);
        String requestId = String.valueOf(command.get("request_id"));
        return raw.await(requestId, () -> transport.writeLine(line), matcher, timeout);
    }

    @Override
    public Duration requestTimeout() {
        return requestTimeout;
    }

    @Override
    public void close() {
        StdioTransport t = transport;
        if (t != null) {
            t.close(closeGrace);
        }
    }

    /**
     * A raw command on stdio: {@code user}, {@code control_request} and {@code control_response} lines go out as
     * given; anything else becomes a control request named by its {@code subtype} (or, seed style, its
     * {@code type}), e.g. {@code {"type":"bootstrap_session_state","request_id":"b1"}}.
     */
    private String rawLine(Map<String, Object> command) {
        ConfigurationException.requireNonNull(command, "command");
        Object type = command.get("type");
        if ("user".equals(type) || "control_request".equals(type) || "control_response".equals(type)) {
            return codec.write(command);
        }
        Object requestId = command.get("request_id");
        if (requestId == null) {
            throw new ConfigurationException("a raw command needs a request_id (got " + command.keySet() + ")");
        }
        Map<String, Object> request = new LinkedHashMap<>(command);
        request.remove("request_id");
        request.remove("type");
        request.putIfAbsent("subtype", type);
        return codec.controlRequest(requestId.toString(), request);
    }

    private String currentHandle(ModelCatalog catalog) {
        String handle = modelHandle;
        if (handle != null) {
            return handle;
        }
        WireMessage.SystemInit init = handshake.getNow(null);
        if (init == null || init.model() == null) {
            return null;
        }
        // system/init reports the bare id ("fake-model"); the catalog knows its handle.
        return catalog.entries().stream().filter(e -> e.handle().equals(init.model())
                || e.handle().endsWith("/" + init.model())).map(e -> e.handle()).findFirst().orElse(init.model());
    }

    private void writeQuietly(String line) {
        try {
            transport.writeLine(line);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "could not refuse a control request: " + e.getMessage());
        }
    }
}

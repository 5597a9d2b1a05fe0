package ai.letta.code.core.client;

import ai.letta.code.api.EventStream;
import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.api.PromptResult;
import ai.letta.code.api.Session;
import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.agent.MemoryBlock;
import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.api.exception.ProtocolException;
import ai.letta.code.api.exception.SessionClosedException;
import ai.letta.code.api.exception.UnsupportedFeatureException;
import ai.letta.code.api.agent.Agents;
import ai.letta.code.api.agent.BlockCreate;
import ai.letta.code.api.agent.BlockFilter;
import ai.letta.code.api.agent.BlockUpdate;
import ai.letta.code.api.agent.Blocks;
import ai.letta.code.api.conversation.Conversations;
import ai.letta.code.api.conversation.Page;
import ai.letta.code.api.conversation.PageRequest;
import ai.letta.code.api.model.Models;
import ai.letta.code.api.archive.Archives;
import ai.letta.code.api.archive.Passages;
import ai.letta.code.api.group.Groups;
import ai.letta.code.api.message.Messages;
import ai.letta.code.api.tool.Tools;
import ai.letta.code.internal.Checks;
import ai.letta.code.spi.SessionTarget;
import ai.letta.code.spi.Transport;
import ai.letta.code.core.engine.EngineExecutors;
import ai.letta.code.core.engine.EngineSession;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The engine's {@link LettaCodeClient}: validates input, opens {@link EngineSession}s over the transport's ports,
 * and owns the client's threads. Closing it closes every session it opened, then the transport.
 */
public final class EngineClient implements LettaCodeClient {
    private final Transport transport;
    private final EngineExecutors executors = new EngineExecutors();
    private final Set<EngineSession> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();

    /** @param transport the backend's transport; this client closes it */
    @Inject
    public EngineClient(Transport transport) {
        this.transport = transport;
    }

    @Override
    public BackendKind backend() {
        return transport.kind();
    }

    @Override
    public String createAgent(AgentOptions options) {
        Checks.requireNonNull(options, "AgentOptions");
        ensureOpen();
        return transport.agents().create(options);
    }

    @Override
    public Session createSession(SessionOptions options) {
        return open(SessionTarget.newConversation(null), options);
    }

    @Override
    public Session createSession(String agentId, SessionOptions options) {
        return open(SessionTarget.newConversation(SessionTarget.requireAgentId(agentId, "agentId")), options);
    }

    @Override
    public Session resumeSession(String id, SessionOptions options) {
        return open(SessionTarget.resume(id), options);
    }

    @Override
    public Session resumeSession(String agentId, String conversationId, SessionOptions options) {
        return open(SessionTarget.existing(agentId, conversationId), options);
    }

    @Override
    public PromptResult prompt(String text) {
        return prompt(text, null, SessionOptions.defaults());
    }

    @Override
    public PromptResult prompt(String text, String agentId) {
        return prompt(text, agentId, SessionOptions.defaults());
    }

    @Override
    public PromptResult prompt(String text, String agentId, SessionOptions options) {
        Checks.requireText(text, "prompt text");
        try (Session session = agentId == null ? createSession(options) : createSession(agentId, options)) {
            session.send(text);
            List<SessionEvent> events = new ArrayList<>();
            Result result = null;
            try (EventStream stream = session.stream()) {
                for (SessionEvent event : stream) {
                    events.add(event);
                    if (event instanceof Result r) {
                        result = r;
                    }
                }
            }
            if (result == null) {
                throw new ProtocolException("the turn ended without a result (session " + session.conversationId()
                        + "); this is a transport bug");
            }
            return new PromptResult(session.agentId(), session.conversationId(), result, events);
        }
    }

    @Override
    public CompletableFuture<PromptResult> promptAsync(String text, String agentId, SessionOptions options) {
        ensureOpen();
        return CompletableFuture.supplyAsync(() -> prompt(text, agentId, options), executors.pool());
    }

    @Override
    public Agents agents() {
        ensureOpen();
        return transport.agents();
    }

    @Override
    public Conversations conversations() {
        ensureOpen();
        return transport.conversations();
    }

    @Override
    public Blocks blocks() {
        ensureOpen();
        return new CheckedBlocks(transport.blocks());
    }

    @Override
    public Models models() {
        ensureOpen();
        return transport.models();
    }

    @Override
    public Tools tools() {
        ensureOpen();
        return transport.tools();
    }

    @Override
    public Archives archives() {
        ensureOpen();
        return transport.archives();
    }

    @Override
    public Passages passages() {
        ensureOpen();
        return transport.passages();
    }

    @Override
    public Messages messages() {
        ensureOpen();
        return transport.messages();
    }

    @Override
    public Groups groups() {
        ensureOpen();
        return transport.groups();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            for (EngineSession session : List.copyOf(sessions)) {
                session.close();
            }
            transport.close();
        } finally {
            executors.close();
        }
    }

    @Override
    public String toString() {
        return "LettaCodeClient[" + transport.kind().label() + ", sessions=" + sessions.size()
                + (closed.get() ? ", closed" : "") + "]";
    }

    private Session open(SessionTarget target, SessionOptions options) {
        Checks.requireNonNull(options, "SessionOptions");
        ensureOpen();
        if (options.executionTarget().isPresent() && transport.kind() != BackendKind.CLOUD) {
            throw new UnsupportedFeatureException("SessionOptions.executionTarget (" + options.executionTarget().get()
                    + ")", transport.kind(), Set.of(BackendKind.CLOUD));
        }
        EngineSession session = new EngineSession(options, executors, sessions::remove);
        sessions.add(session);
        try {
            session.open(transport.sessions(), target);
        } catch (RuntimeException e) {
            sessions.remove(session);
            throw e;
        }
        if (closed.get()) {
            session.close(); // the client closed while this session opened
            ensureOpen();
        }
        return session;
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new SessionClosedException("this LettaCodeClient is closed; create a new one with LettaCode.create");
        }
    }

    /** The transport's blocks, with each label checked ({@link MemoryBlock#requireLabel}) before the port sees it. */
    private record CheckedBlocks(Blocks port) implements Blocks {

        @Override
        public List<MemoryBlock> list(String agentId) {
            return port.list(agentId);
        }

        @Override
        public MemoryBlock get(String agentId, String label) {
            return port.get(agentId, MemoryBlock.requireLabel(label, "label"));
        }

        @Override
        public MemoryBlock update(String agentId, String label, String value) {
            return port.update(agentId, MemoryBlock.requireLabel(label, "label"), value);
        }

        @Override
        public MemoryBlock update(String agentId, String label, BlockUpdate update) {
            return port.update(agentId, MemoryBlock.requireLabel(label, "label"), Checks.requireNonNull(update,
                    "update"));
        }

        @Override
        public void attach(String agentId, String blockId) {
            port.attach(agentId, blockId);
        }

        @Override
        public void detach(String agentId, String blockId) {
            port.detach(agentId, blockId);
        }

        @Override
        public MemoryBlock create(BlockCreate create) {
            return port.create(Checks.requireNonNull(create, "create"));
        }

        @Override
        public MemoryBlock get(String blockId) {
            return port.get(blockId);
        }

        @Override
        public MemoryBlock update(String blockId, BlockUpdate update) {
            return port.update(blockId, Checks.requireNonNull(update, "update"));
        }

        @Override
        public void delete(String blockId) {
            port.delete(blockId);
        }

        @Override
        public Page<MemoryBlock> list(BlockFilter filter, PageRequest page) {
            return port.list(Checks.requireNonNull(filter, "filter"), Checks.requireNonNull(page, "page"));
        }

        @Override
        public int count(BlockFilter filter) {
            return port.count(Checks.requireNonNull(filter, "filter"));
        }
    }
}

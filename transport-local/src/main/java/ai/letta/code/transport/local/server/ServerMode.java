package ai.letta.code.transport.local.server;

import ai.letta.code.api.agent.AgentFile;
import ai.letta.code.api.agent.AgentFilter;
import ai.letta.code.api.agent.AgentInfo;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.agent.AgentUpdate;
import ai.letta.code.api.agent.Agents;
import ai.letta.code.api.agent.Blocks;
import ai.letta.code.api.agent.ContextWindow;
import ai.letta.code.api.agent.ImportOptions;
import ai.letta.code.api.agent.SystemPrompt;
import ai.letta.code.api.backend.LocalOptions;
import ai.letta.code.api.conversation.Conversations;
import ai.letta.code.api.exception.AgentNotFoundException;
import ai.letta.code.api.exception.ConversationNotFoundException;
import ai.letta.code.api.exception.SessionClosedException;
import ai.letta.code.api.model.Models;
import ai.letta.code.api.conversation.Page;
import ai.letta.code.api.conversation.PageRequest;
import ai.letta.code.spi.SessionChannel;
import ai.letta.code.api.SessionOptions;
import ai.letta.code.spi.SessionPort;
import ai.letta.code.spi.SessionSink;
import ai.letta.code.spi.SessionTarget;
import ai.letta.code.transport.local.process.LaunchSpec;
import ai.letta.code.transport.local.process.ProcessLauncher;
import java.util.List;
import java.util.function.Supplier;

/**
 * The local backend in {@link ai.letta.code.api.backend.LocalMode#APP_SERVER} mode: one {@link LoopbackServer} per
 * client, started on first use (and again after it died), serving sessions, agents, models, conversations and blocks
 * through the remote backend's protocol client. What the shared server cannot do for one caller goes to the stdio
 * ports instead: a session with its own environment or without a named agent, an agent with a system prompt preset,
 * and a session or agent lookup on an agent or conversation the server does not know (on the CLI's local backend,
 * one made by another process after the server started). Thread-safe.
 */
public final class ServerMode implements AutoCloseable {

    private final LocalOptions options;
    private final Supplier<LaunchSpec> launch;
    private final ProcessLauncher launcher;
    private final SessionPort stdioSessions;
    private final Agents stdioAgents;
    private LoopbackBackend backend;
    private boolean closed;

    /**
     * @param options the client's options
     * @param launch the programs and environment, located on first use
     * @param launcher starts processes
     * @param stdioSessions opens a session in a CLI process of its own
     * @param stdioAgents creates agents with a short-lived CLI process
     */
    public ServerMode(LocalOptions options, Supplier<LaunchSpec> launch, ProcessLauncher launcher,
            SessionPort stdioSessions, Agents stdioAgents) {
        this.options = options;
        this.launch = launch;
        this.launcher = launcher;
        this.stdioSessions = stdioSessions;
        this.stdioAgents = stdioAgents;
    }

    /** @return sessions on the server, or in their own process for what the server cannot do */
    public SessionPort sessions() {
        return this::open;
    }

    /** @return agents through the server's commands; a system prompt preset through a CLI process */
    public Agents agents() {
        return new ServerAgents();
    }

    /** @return conversations through the server's commands (the server running at each call) */
    public Conversations conversations() {
        return CurrentServer.port(Conversations.class, () -> backend().conversations());
    }

    /** @return memory blocks through the server's commands (the server running at each call) */
    public Blocks blocks() {
        return CurrentServer.port(Blocks.class, () -> backend().blocks());
    }

    /** @return the model catalog through {@code list_models} (the server running at each call) */
    public Models models() {
        return CurrentServer.port(Models.class, () -> backend().models());
    }

    /** Closes the socket and stops the server, if one runs. Idempotent. */
    @Override
    public void close() {
        LoopbackBackend running;
        synchronized (this) {
            closed = true;
            running = backend;
            backend = null;
        }
        if (running != null) {
            running.close();
        }
    }

    private SessionChannel open(SessionTarget target, SessionOptions session, SessionSink sink) {
        boolean ownProcess = !session.env().isEmpty()
                || target instanceof SessionTarget.NewConversation fresh && fresh.agentId() == null;
        if (ownProcess) {
            return stdioSessions.open(target, session, sink);
        }
        try {
            return backend().sessions().open(target, session, sink);
        } catch (AgentNotFoundException | ConversationNotFoundException unknown) {
            // On the CLI's own local backend the server knows the agents and conversations that were on disk when
            // it started, and those made through it: one made since by another process (a session of its own
            // here, the user's `letta`) is unknown to it. A process of the session's own reads the disk.
            return stdioSessions.open(target, session, sink);
        }
    }

    private synchronized LoopbackBackend backend() {
        if (closed) {
            throw new SessionClosedException("the local client is closed");
        }
        if (backend == null || !backend.alive()) {
            if (backend != null) {
                backend.close();
            }
            backend = LoopbackBackend.start(options, launch.get().forAppServer(), launcher);
        }
        return backend;
    }

    /** The server's agent commands, except what only a CLI process can do. */
    private final class ServerAgents implements Agents {

        @Override
        public String create(AgentOptions agent) {
            return agent.systemPrompt().filter(SystemPrompt.Preset.class::isInstance).isPresent()
                    ? stdioAgents.create(agent) : backend().agents().create(agent);
        }

        @Override
        public AgentInfo get(String agentId) {
            try {
                return backend().agents().get(agentId);
            } catch (AgentNotFoundException unknown) {
                return stdioAgents.get(agentId); // made by another process since the server started (see open)
            }
        }

        @Override
        public Page<AgentInfo> list(PageRequest page) {
            return backend().agents().list(page);
        }

        @Override
        public AgentInfo update(String agentId, AgentUpdate update) {
            return backend().agents().update(agentId, update);
        }

        @Override
        public Page<AgentInfo> list(AgentFilter filter, PageRequest page) {
            return backend().agents().list(filter, page);
        }

        @Override
        public int count(AgentFilter filter) {
            return backend().agents().count(filter);
        }

        @Override
        public void delete(String agentId) {
            backend().agents().delete(agentId);
        }

        @Override
        public AgentFile exportAgent(String agentId) {
            return backend().agents().exportAgent(agentId);
        }

        @Override
        public List<String> importAgent(AgentFile file, ImportOptions importOptions) {
            return backend().agents().importAgent(file, importOptions);
        }

        @Override
        public ContextWindow contextWindow(String agentId) {
            return backend().agents().contextWindow(agentId);
        }
    }
}

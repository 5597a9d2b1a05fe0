package ai.letta.code.transport.local.session;

import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.backend.LocalOptions;
import ai.letta.code.api.exception.FrameTooLongException;
import ai.letta.code.api.model.ModelUpdate;
import ai.letta.code.spi.SessionChannel;
import ai.letta.code.spi.SessionPort;
import ai.letta.code.spi.SessionSink;
import ai.letta.code.spi.SessionTarget;
import ai.letta.code.transport.local.control.LocalModels;
import ai.letta.code.transport.local.process.CliArguments;
import ai.letta.code.transport.local.process.CliSpawner;
import ai.letta.code.transport.local.process.CliStartupFailure;
import ai.letta.code.transport.local.process.LaunchSpec;
import ai.letta.code.transport.local.process.ProcessLauncher;
import ai.letta.code.transport.local.process.StdioTransport;
import ai.letta.code.transport.local.wire.NdjsonCodec;
import ai.letta.code.transport.local.wire.WireMessage;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Opens a session as a CLI process: {@code node letta.js <backend> -p --input-format stream-json --output-format
 * stream-json <routing> --permission-mode <mode> …}, then waits for {@code system/init}, the handshake
 * (local-stdio.md §4.1), for at most {@link LocalOptions#startupTimeout()}. Also creates agents with a short-lived
 * {@code --new-agent} process.
 */
public final class StdioSessionPort implements SessionPort {

    private final LocalOptions options;
    private final Supplier<LaunchSpec> launch;
    private final ProcessLauncher launcher;
    private final NdjsonCodec codec;
    private final LocalModels models;

    public StdioSessionPort(LocalOptions options, Supplier<LaunchSpec> launch, ProcessLauncher launcher,
            NdjsonCodec codec, LocalModels models) {
        this.options = options;
        this.launch = launch;
        this.launcher = launcher;
        this.codec = codec;
        this.models = models;
    }

    @Override
    public SessionChannel open(SessionTarget target, SessionOptions session, SessionSink sink) {
        LaunchSpec spec = launch.get().forSession(session.env(), session.cwd().orElse(null));
        CliSpawner spawner = new CliSpawner(launcher, spec, options.extraArgs(), options.maxLineBytes(),
                options.startupTimeout());
        StdioSessionChannel channel = new StdioSessionChannel(codec, sink, models, spawner, session,
                StdioTiming.of(options));
        channel.start(target);
        // Written on the session's conversation once the CLI has named it: CLI 0.32.18 has no spawn flag for it.
        session.reasoningEffort().ifPresent(effort -> {
            try {
                channel.updateModel(new ModelUpdate(session.model().orElse(null), effort));
            } catch (RuntimeException e) {
                channel.close();
                throw e;
            }
        });
        return channel;
    }

    /**
     * Creates an agent with a short-lived {@code --new-agent} process: its {@code system/init} names the new agent,
     * then stdin EOF lets it exit (30–130 ms when idle).
     *
     * @param agent what the agent is made of
     * @return the new agent's id
     */
    public String newAgent(AgentOptions agent) {
        CliSpawner spawner = new CliSpawner(launcher, launch.get(), options.extraArgs(), options.maxLineBytes(),
                options.startupTimeout());
        HandshakeOnly listener = new HandshakeOnly();
        StdioTransport transport = spawner.spawn(CliArguments.newAgent(agent), listener);
        try {
            return spawner.await(listener.handshake, transport).agentId();
        } finally {
            transport.close(options.closeGracePeriod());
        }
    }

    /** Listens to a process that runs no turn: only its handshake matters, the rest has no reader. */
    private final class HandshakeOnly implements StdioTransport.Listener {
        final CompletableFuture<WireMessage.SystemInit> handshake = new CompletableFuture<>();
        private volatile StdioTransport transport;
        /** The CLI's last {@code type:error} line, e.g. the Letta API's refusal of {@code POST /v1/agents}. */
        private volatile String startupError;

        @Override
        public void attached(StdioTransport transport) {
            this.transport = transport;
        }

        @Override
        public void line(String line) {
            WireMessage message = codec.decode(line).message();
            if (message instanceof WireMessage.SystemInit init) {
                handshake.complete(init);
            } else if (message instanceof WireMessage.ErrorLine error) {
                startupError = error.message();
            }
        }

        @Override
        public void lineTooLong(FrameTooLongException tooLong) {}

        @Override
        public void ended(boolean requested, Integer exitCode) {
            // A process that ends before its handshake is reported by the spawner with its stderr tail.
            handshake.completeExceptionally(CliStartupFailure.of(transport, exitCode, startupError));
        }
    }
}

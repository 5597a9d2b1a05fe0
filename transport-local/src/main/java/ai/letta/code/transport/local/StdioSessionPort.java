package ai.letta.code.transport.local;

import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.backend.LocalOptions;
import ai.letta.code.api.exception.LettaCodeException;
import ai.letta.code.api.exception.OperationTimeoutException;
import ai.letta.code.api.exception.SessionClosedException;
import ai.letta.code.api.exception.TransportException;
import ai.letta.code.api.model.ModelUpdate;
import ai.letta.code.api.port.SessionChannel;
import ai.letta.code.api.port.SessionPort;
import ai.letta.code.api.port.SessionSink;
import ai.letta.code.api.port.SessionTarget;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Opens a session as one CLI process: {@code node letta.js -p --input-format stream-json --output-format
 * stream-json <backend> <routing> --permission-mode <mode> …}, then waits for {@code system/init}, the handshake
 * (local-stdio.md §4.1), for at most {@link LocalOptions#startupTimeout()}.
 */
final class StdioSessionPort implements SessionPort {

    private final LocalOptions options;
    private final Supplier<LaunchSpec> launch;
    private final ProcessLauncher launcher;
    private final NdjsonCodec codec;
    private final LocalModels models;

    StdioSessionPort(LocalOptions options, Supplier<LaunchSpec> launch, ProcessLauncher launcher, NdjsonCodec codec,
            LocalModels models) {
        this.options = options;
        this.launch = launch;
        this.launcher = launcher;
        this.codec = codec;
        this.models = models;
    }

    @Override
    public SessionChannel open(SessionTarget target, SessionOptions session, SessionSink sink) {
        LaunchSpec spec = launch.get().forSession(session.env(), session.cwd());
        List<String> command = new ArrayList<>(spec.programs());
        command.addAll(spec.backendArgs());
        command.addAll(CliArguments.session(target, session));
        command.addAll(options.extraArgs());
        StdioSessionChannel channel = new StdioSessionChannel(codec, sink, models,
                session.includePartialMessages(), session.model(), options.requestTimeout(),
                options.closeGracePeriod());
        StdioTransport transport;
        try {
            transport = StdioTransport.start(launcher, command, spec.env(), spec.workingDirectory(),
                    options.maxLineBytes(), channel);
        } catch (IOException e) {
            throw new TransportException("could not start the Letta Code CLI: " + e.getMessage() + "\n  command: "
                    + String.join(" ", command) + "\n  working directory: " + spec.workingDirectory(), null, null, e);
        }
        try {
            // Not required (system/init comes unasked), but it is what the upstream SDK sends first.
            transport.writeLine(codec.controlRequest("init_1", Map.of("subtype", "initialize")));
        } catch (LettaCodeException e) {
            // The process already died; the handshake below reports it with its exit code and stderr.
        }
        awaitHandshake(channel, transport, command);
        session.effort().ifPresent(effort -> {
            try {
                channel.updateModel(new ModelUpdate(session.model(), effort));
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
    String newAgent(AgentOptions agent) {
        LaunchSpec spec = launch.get();
        List<String> command = new ArrayList<>(spec.programs());
        command.addAll(spec.backendArgs());
        command.addAll(CliArguments.newAgent(agent));
        command.addAll(options.extraArgs());
        StdioSessionChannel channel = new StdioSessionChannel(codec, DiscardingSink.INSTANCE, models, false, null,
                options.requestTimeout(), options.closeGracePeriod());
        StdioTransport transport;
        try {
            transport = StdioTransport.start(launcher, command, spec.env(), spec.workingDirectory(),
                    options.maxLineBytes(), channel);
        } catch (IOException e) {
            throw new TransportException("could not start the Letta Code CLI: " + e.getMessage(), null, null, e);
        }
        try {
            awaitHandshake(channel, transport, command);
            return channel.agentId();
        } finally {
            channel.close();
        }
    }

    private void awaitHandshake(StdioSessionChannel channel, StdioTransport transport, List<String> command) {
        try {
            channel.handshake().get(options.startupTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            transport.kill();
            throw new OperationTimeoutException("the Letta Code CLI did not send its handshake (system/init) within "
                    + options.startupTimeout().toMillis() + " ms (LocalOptions.startupTimeout)"
                    + transport.stderr().forMessage() + "\n  command: " + String.join(" ", command));
        } catch (ExecutionException e) {
            transport.kill();
            TransportException lost = (TransportException) e.getCause();
            throw new TransportException(lost.getMessage() + "\n  command: " + String.join(" ", command),
                    lost.exitCode().isPresent() ? lost.exitCode().getAsInt() : null,
                    lost.diagnosticTail().orElse(null), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            transport.kill();
            throw new SessionClosedException("interrupted while the Letta Code CLI started", e);
        }
    }
}

package ai.letta.code.transport.local;

import ai.letta.code.api.agent.Agents;
import ai.letta.code.api.agent.Blocks;
import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.backend.LocalMode;
import ai.letta.code.api.backend.LocalOptions;
import ai.letta.code.api.conversation.Conversations;
import ai.letta.code.api.exception.UnsupportedFeatureException;
import ai.letta.code.api.model.Models;
import ai.letta.code.spi.SessionPort;
import ai.letta.code.spi.Transport;
import ai.letta.code.transport.local.control.LocalAgents;
import ai.letta.code.transport.local.control.LocalBlocks;
import ai.letta.code.transport.local.control.LocalModels;
import ai.letta.code.transport.local.process.CliArguments;
import ai.letta.code.transport.local.process.CliLocator;
import ai.letta.code.transport.local.process.LaunchSpec;
import ai.letta.code.transport.local.process.ProcessLauncher;
import ai.letta.code.transport.local.server.ServerMode;
import ai.letta.code.transport.local.session.StdioSessionPort;
import ai.letta.code.transport.local.wire.NdjsonCodec;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * The local backend: the Letta Code CLI run as Node subprocesses. In {@link LocalMode#APP_SERVER} (the default) one
 * loopback {@code letta server} serves the client ({@link ServerMode}); in {@link LocalMode#STDIO}, and for what that
 * server cannot do, a CLI process per session speaks NDJSON on stdio (spec local-stdio.md). In stdio mode what
 * stdio cannot do is done with the same CLI: agents through a short-lived {@code --new-agent} process plus the
 * agent's files (local backend) or the Letta API (API mode), models through {@code letta model list|set}.
 *
 * <p>Nothing starts when it is built. The programs are located on first use ({@link CliLocator}; a
 * {@link ai.letta.code.api.exception.CliNotFoundException} then lists every place tried), once per transport.
 * Sessions are closed by the engine before {@link #close()}; a JVM shutdown hook kills CLI processes still running
 * when the JVM exits. Thread-safe.
 */
public final class LocalTransport implements Transport {

    private final LocalOptions options;
    private final CliLocator locator;
    private final Map<String, String> parentEnv;
    private final Path jvmCwd;
    private final NdjsonCodec codec = new NdjsonCodec();
    private final StdioSessionPort sessions;
    private final LocalModels models;
    private final LocalAgents agents;
    /** The loopback app server's ports in {@link LocalMode#APP_SERVER} mode; null in stdio mode. */
    private final ServerMode server;
    private volatile LaunchSpec launch;

    /** @param options the local backend's options */
    public LocalTransport(LocalOptions options) {
        this(options, CliLocator.system(), System.getenv(), Path.of("").toAbsolutePath(),
                ProcessLauncher.commonsExec());
    }

    LocalTransport(LocalOptions options, CliLocator locator, Map<String, String> parentEnv, Path jvmCwd,
            ProcessLauncher launcher) {
        this.options = options;
        CliArguments.checkExtraArgs(options.extraArgs());
        this.locator = locator;
        this.parentEnv = Map.copyOf(parentEnv);
        this.jvmCwd = jvmCwd;
        this.models = LocalModels.of(this::launch, options.requestTimeout());
        this.sessions = new StdioSessionPort(options, this::launch, launcher, codec, models);
        this.agents = LocalAgents.of(options, sessions::newAgent, this::launch);
        this.server = options.mode() == LocalMode.APP_SERVER
                ? new ServerMode(options, this::launch, launcher, sessions, agents) : null;
    }

    @Override
    public BackendKind kind() {
        return BackendKind.LOCAL;
    }

    @Override
    public Agents agents() {
        return server != null ? server.agents() : agents;
    }

    @Override
    public Conversations conversations() {
        return server != null ? server.conversations()
                : unsupported(Conversations.class, "conversation management (or LocalMode.APP_SERVER)");
    }

    @Override
    public Blocks blocks() {
        return server != null ? server.blocks() : new LocalBlocks();
    }

    @Override
    public Models models() {
        return server != null ? server.models() : models;
    }

    @Override
    public SessionPort sessions() {
        return server != null ? server.sessions() : sessions;
    }

    /**
     * Stops the loopback app server, if one runs; each session's process (and its runtime on the server) is closed
     * by the engine before.
     */
    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }

    /** @return the launch settings, locating the programs on first use */
    LaunchSpec launch() {
        LaunchSpec spec = launch;
        if (spec == null) {
            synchronized (this) {
                spec = launch;
                if (spec == null) {
                    spec = LaunchSpec.of(options, locator.locate(options), parentEnv, jvmCwd);
                    launch = spec;
                }
            }
        }
        return spec;
    }

    /** Each call of the port throws a typed error naming the backends that can; never a silent no-op. */
    private static <T> T unsupported(Class<T> port, String feature) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "toString" -> "Unsupported" + port.getSimpleName();
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> proxy == args[0];
                };
            }
            throw new UnsupportedFeatureException(feature + " (" + method.getName() + ")", BackendKind.LOCAL,
                    Set.of(BackendKind.REMOTE, BackendKind.CLOUD));
        }));
    }

    @Override
    public String toString() {
        return "LocalTransport[" + options + "]";
    }
}

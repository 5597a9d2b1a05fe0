package ai.letta.code.transport.local;

import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.api.Session;
import ai.letta.code.api.backend.LocalMode;
import ai.letta.code.api.backend.LocalOptions;
import ai.letta.code.core.LettaCode;
import ai.letta.code.testkit.contract.ContractFeature;
import ai.letta.code.testkit.contract.ContractPeer;
import ai.letta.code.testkit.fault.FaultInjection;
import ai.letta.code.testkit.fault.ProcessSignals;
import ai.letta.code.testkit.peer.PeerInstall;
import ai.letta.code.testkit.script.ScriptedServer;
import ai.letta.code.testkit.script.TurnScript;
import ai.letta.code.testkit.secrets.Sentinels;
import ai.letta.code.transport.local.process.LiveProcesses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What both real-CLI contract peers share: the pinned Node and CLI passed explicitly, a fresh {@code HOME} and work
 * directory per peer (so no {@code ~/.letta} state leaks between scenarios), telemetry off, and a client made the
 * way a user makes one, {@code LettaCode.create(options)}, and the scripted fake the CLI runs on
 * (turns are scripted and observed there). Closing the peer closes the client (which stops every CLI process),
 * then the fake, then deletes both directories.
 *
 * <p>The SDK runs the real pinned {@code letta.js} through {@code cli-relay/letta-relay.js} (test resources): a
 * transparent Node wrapper that starts the CLI with the same Node options, arguments and environment, forwards its
 * pipes and its exit (code or signal), and can write one injected stdout line between two of the CLI's
 * ({@link #injectFrame}). The SDK's process is the wrapper; the CLI is the wrapper's only child and carries the
 * SDK's lineage marker, so the SDK's reaper ends it (and its tools) as it would the CLI itself. {@link #killPeer}
 * and {@link #freezePeer} act on the CLI, not on the wrapper, so the SDK sees what a real crash or freeze does:
 * the wrapper re-raises the CLI's SIGKILL on itself (exit 137, stdout EOF), and a frozen CLI leaves the wrapper
 * nothing to forward.
 */
abstract class CliContractPeer implements ContractPeer, FaultInjection {

    protected final Path home;
    protected final Path work;
    /** Where {@link #injectFrame} drops {@code <wrapper pid>.line} files for the wrapper to print. */
    private final Path injections;
    private ScriptedServer fake;
    private LettaCodeClient client;
    private LocalOptions options;

    CliContractPeer() {
        try {
            home = Files.createTempDirectory("letta-contract-home-").toRealPath();
            work = Files.createTempDirectory("letta-contract-work-").toRealPath();
            injections = Files.createTempDirectory("letta-contract-inject-").toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Builds the client; subclasses call it once their fake runs. If that fails, the fake is closed.
     *
     * @param scripted the fake the CLI runs on, closed with the peer
     * @param backendOptions the CLI's options
     */
    protected final void connect(ScriptedServer scripted, LocalOptions.Builder backendOptions) {
        fake = scripted;
        try {
            LocalOptions built = backendOptions.build();
            // In app-server mode the fault matrix's sentinel secret rides in the server's environment, which its
            // tools inherit (a session's own would move the session off the server).
            options = built.mode() == LocalMode.APP_SERVER
                    ? built.toBuilder().env("LETTA_FAULT_SENTINEL", Sentinels.ENV_VALUE).build() : built;
            client = LettaCode.create(options);
        } catch (RuntimeException e) {
            scripted.close();
            throw e;
        }
    }

    /** @return the scripted fake the CLI runs on */
    final ScriptedServer fake() {
        return fake;
    }

    /** @return the options the peer's clients are made with */
    final LocalOptions options() {
        return options;
    }

    @Override
    public Optional<LettaCodeClient> newClient() {
        return Optional.of(LettaCode.create(options));
    }

    /** @return the options every real-CLI peer starts from */
    protected final LocalOptions.Builder baseOptions() {
        PeerInstall install = PeerInstall.locate();
        // The per-session stdio mode: the peers of the default mode set LocalMode.APP_SERVER.
        return LocalOptions.builder()
                .mode(LocalMode.STDIO)
                .nodePath(install.node())
                .cliPath(relayScript())
                .env("LETTA_RELAY_CLI", install.cli().toString())
                .env("LETTA_RELAY_INJECT_DIR", injections.toString())
                .env("HOME", home.toString())
                .env("LETTA_CODE_TELEM", "0")
                .workingDirectory(work)
                .startupTimeout(Duration.ofSeconds(30))
                .requestTimeout(Duration.ofSeconds(30))
                .closeGracePeriod(Duration.ofSeconds(3));
    }

    @Override
    public LettaCodeClient client() {
        return client;
    }

    @Override
    public Path workDir() {
        return work;
    }

    @Override
    public void enqueue(TurnScript script) {
        fake.enqueue(script);
    }

    @Override
    public List<ModelRequest> modelRequests() {
        return ModelRequest.since(fake, 0);
    }

    /** kill -9 of the CLI process that serves the session right now (after a respawn, the new one). */
    @Override
    public void killPeer(Session session) {
        cliServing(session).destroyForcibly();
    }

    /** Freezes the session's CLI: it stops reading stdin and writing stdout, its pipes stay open. */
    @Override
    public Optional<ProcessHandle> freezePeer(Session session) {
        ProcessHandle cli = cliServing(session);
        ProcessSignals.freeze(cli);
        return Optional.of(cli);
    }

    /**
     * Hands {@code raw} to the wrapper of the session's CLI, which prints it as one stdout line between two of the
     * CLI's, and waits (at most 30 s) until it took it.
     */
    @Override
    public boolean injectFrame(Session session, String raw) {
        if (onServer(session)) {
            // Its websocket is one this peer cannot write into; RemoteFaultMatrixIT's relay plays those rows on the
            // same protocol client.
            return false;
        }
        ProcessHandle wrapper = wrapperServing(session);
        Path line = injections.resolve(wrapper.pid() + ".line");
        try {
            // Written aside, then renamed into place: the wrapper never reads half a line.
            Path partial = Files.createTempFile(injections, "partial-", ".tmp");
            Files.writeString(partial, raw, StandardCharsets.UTF_8);
            Files.move(partial, line, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (Files.exists(line)) {
            if (System.nanoTime() > deadline || !wrapper.isAlive()) {
                throw new AssertionError("the CLI wrapper (pid " + wrapper.pid() + ") did not take the injected line");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while injecting a line", e);
            }
        }
        return true;
    }

    /** @return the process the SDK started for the session: the wrapper */
    private static ProcessHandle wrapperServing(Session session) {
        return LiveProcesses.serving(session.conversationId())
                .orElseThrow(() -> new AssertionError("no live CLI process serves " + session.conversationId()));
    }

    /**
     * @return the real CLI behind the session's wrapper (its only child): the session's own, or the loopback app
     *     server that serves it (killing or freezing that one reaches every session on it)
     */
    private ProcessHandle cliServing(Session session) {
        if (!onServer(session)) {
            return wrappedCli(wrapperServing(session));
        }
        List<ProcessHandle> servers = ProcessHandle.current().children().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().arguments().map(Arrays::asList).orElse(List.of()).contains("--listen"))
                .toList();
        if (servers.size() != 1) {
            throw new AssertionError("expected one loopback app server among this JVM's children, found "
                    + servers.size());
        }
        return wrappedCli(servers.get(0));
    }

    /** @return whether the client's loopback app server serves the session (no CLI process of its own does) */
    private boolean onServer(Session session) {
        return options.mode() == LocalMode.APP_SERVER && LiveProcesses.serving(session.conversationId()).isEmpty();
    }

    /** @return the real CLI a wrapper runs (its only child) */
    private static ProcessHandle wrappedCli(ProcessHandle wrapper) {
        return wrapper.children().filter(ProcessHandle::isAlive).findFirst()
                .orElseThrow(() -> new AssertionError("the CLI wrapper (pid " + wrapper.pid() + ") runs no CLI"));
    }

    private static Path relayScript() {
        try {
            return Path.of(CliContractPeer.class.getResource("/cli-relay/letta-relay.js").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The real CLI does everything the contract asks, on both of its backends. Its app server adds conversations,
     * blocks and dreaming; there a session's own environment would move it off the server, so the fault matrix's
     * sentinel secret goes into the server's ({@link #connect}).
     */
    @Override
    public Set<ContractFeature> features() {
        Set<ContractFeature> features = EnumSet.of(ContractFeature.MODELS, ContractFeature.RAW_COMMANDS,
                ContractFeature.OBSERVES_MODEL_REQUESTS, ContractFeature.RUNS_TOOLS, ContractFeature.SLOW_TURNS,
                ContractFeature.SYSTEM_PROMPT_PRESETS, ContractFeature.DEFAULT_AGENT);
        if (options.mode() == LocalMode.APP_SERVER) {
            features.addAll(List.of(ContractFeature.RESOURCES, ContractFeature.DREAMING));
        } else {
            features.add(ContractFeature.SESSION_ENV);
        }
        return features;
    }

    /**
     * stdio's raw protocol is control requests ({@code initialize} is answered by a control_response, §3.1); a
     * session on the app server takes its protocol's frames.
     */
    @Override
    public RawCommandProbe rawCommandProbe() {
        return options.mode() == LocalMode.APP_SERVER
                ? new RawCommandProbe(Map.of("type", "app_server_info"), "app_server_info_response")
                : new RawCommandProbe(Map.of("type", "initialize"), "control_response");
    }


    @Override
    public void close() {
        try {
            if (client != null) {
                client.close();
            }
        } finally {
            try {
                if (fake != null) {
                    fake.close();
                }
            } finally {
                LocalBackendPeer.delete(home);
                LocalBackendPeer.delete(work);
                LocalBackendPeer.delete(injections);
            }
        }
    }
}

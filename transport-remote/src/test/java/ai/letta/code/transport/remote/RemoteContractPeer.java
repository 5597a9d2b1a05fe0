package ai.letta.code.transport.remote;

import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.api.Session;
import ai.letta.code.api.backend.RemoteOptions;
import ai.letta.code.core.LettaCode;
import ai.letta.code.testkit.contract.ContractFeature;
import ai.letta.code.testkit.contract.ContractPeer;
import ai.letta.code.testkit.fault.ApiFailures;
import ai.letta.code.testkit.fault.FaultInjection;
import ai.letta.code.testkit.fault.ProcessSignals;
import ai.letta.code.testkit.fault.WebSocketRelay;
import ai.letta.code.testkit.peer.AppServerProcess;
import ai.letta.code.testkit.script.ScriptedServer;
import ai.letta.code.testkit.script.TurnScript;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The real pinned app server (either setup of {@link SharedAppServer}) as a {@link ContractPeer}: a client made the
 * way a user makes one, {@code LettaCode.create(RemoteOptions)}, on the class's server, with a fresh work dir.
 * The client connects through a {@link WebSocketRelay} (same path, query and headers), which forwards every frame
 * and can {@linkplain #injectFrame inject} one as if the server had sent it; a killed server drops the client's
 * socket through it as it would directly. Creating the peer clears the script queue, so nothing left from an earlier test (an aborted multi-step script)
 * answers this test's turns; {@link #modelRequests()} shows only this peer's requests. {@link #killPeer} SIGKILLs
 * the server and keeps it down, so sessions see a dropped socket and close once {@link #RECONNECT_BOUND} has
 * passed; the next peer restarts it.
 */
final class RemoteContractPeer implements ContractPeer, FaultInjection {

    /** Short, so the transport-death scenarios see their sessions close quickly. */
    static final Duration RECONNECT_BOUND = Duration.ofSeconds(1);

    private final SharedAppServer<?> shared;
    private final ScriptedServer model;
    private final AppServerProcess server;
    private final int firstRequest;
    private final Path work;
    private final WebSocketRelay relay;
    private final LettaCodeClient client;

    RemoteContractPeer(SharedAppServer<?> shared) {
        this.shared = shared;
        this.server = shared.server();
        this.model = shared.fake();
        model.clear();
        this.firstRequest = model.turns().size();
        try {
            work = Files.createTempDirectory("letta-remote-contract-").toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        relay = WebSocketRelay.start(server.wsUri());
        try {
            client = LettaCode.create(clientOptions());
        } catch (RuntimeException e) {
            relay.close();
            throw e;
        }
    }

    private RemoteOptions clientOptions() {
        return RemoteOptions.builder().url(relay.uri()).requestTimeout(Duration.ofSeconds(15))
                .reconnectBound(RECONNECT_BOUND).build();
    }

    @Override
    public Optional<LettaCodeClient> newClient() {
        return Optional.of(LettaCode.create(clientOptions()));
    }

    @Override
    public LettaCodeClient client() {
        return client;
    }

    @Override
    public void enqueue(TurnScript script) {
        model.enqueue(script);
    }

    @Override
    public Path workDir() {
        return work;
    }

    @Override
    public List<ModelRequest> modelRequests() {
        return ModelRequest.since(model, firstRequest);
    }

    /** SIGKILL of the shared server: every socket to it drops (close 1006) and it stays down until the next peer. */
    @Override
    public void killPeer(Session session) {
        server.kill();
    }

    /** The app server and what it runs (tools, git for memory files) are the peer, not the SDK. */
    @Override
    public boolean ownsProcess(ProcessHandle process) {
        for (Optional<ProcessHandle> p = Optional.of(process); p.isPresent(); p = p.get().parent()) {
            if (p.get().pid() == server.pid()) {
                return true;
            }
        }
        return false;
    }

    /** Freezes the app server: its socket stays open and goes silent, its pings unanswered. */
    @Override
    public Optional<ProcessHandle> freezePeer(Session session) {
        ProcessHandle process = ProcessHandle.of(server.pid()).orElseThrow();
        ProcessSignals.freeze(process);
        return Optional.of(process);
    }

    /** In API mode the server's {@code agent_create} is a {@code POST /v1/agents} on its fake Letta API. */
    @Override
    public boolean failAgentCreation(int status) {
        shared.apiFailures().ifPresent(failures -> failures.failAgentCreation(status));
        return shared.apiFailures().isPresent();
    }

    @Override
    public void clearApiFailures() {
        shared.apiFailures().ifPresent(ApiFailures::clear);
    }

    /** Sends {@code raw} as a text frame on the client's socket, through the relay the client connects by. */
    @Override
    public boolean injectFrame(Session session, String raw) {
        return relay.inject(raw);
    }

    /** The relay cuts the client's socket and its own to the server; the server lives on. */
    @Override
    public boolean dropConnection(Session session) {
        return relay.dropConnections() > 0;
    }

    /** Stops the shared server (SIGTERM) and starts it again on the same port and state, as a redeploy would. */
    @Override
    public boolean restartPeer(Session session) {
        server.restart();
        return true;
    }

    @Override
    public Set<ContractFeature> features() {
        return EnumSet.of(ContractFeature.MODELS, ContractFeature.RAW_COMMANDS, ContractFeature.DREAMING,
                ContractFeature.OBSERVES_MODEL_REQUESTS, ContractFeature.RUNS_TOOLS, ContractFeature.SLOW_TURNS,
                ContractFeature.NETWORK_CONNECTION, ContractFeature.RESOURCES, ContractFeature.DEFAULT_AGENT);
    }

    @Override
    public String alternateModel() {
        return shared.alternateModel();
    }

    @Override
    public int modelCallAttempts() {
        return shared.modelCallAttempts();
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            relay.close();
            model.clear();
            try (Stream<Path> paths = Files.walk(work)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                // best effort: a temp dir
            }
        }
    }
}

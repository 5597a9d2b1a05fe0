package ai.letta.code.transport.cloud;

import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.api.Session;
import ai.letta.code.api.backend.CloudOptions;
import ai.letta.code.core.LettaCode;
import ai.letta.code.testkit.contract.ContractFeature;
import ai.letta.code.testkit.contract.ContractPeer;
import ai.letta.code.testkit.fault.FaultInjection;
import ai.letta.code.testkit.fault.ProcessSignals;
import ai.letta.code.testkit.fakecloud.ErrorShape;
import ai.letta.code.testkit.fakecloud.FakeLettaCloud;
import ai.letta.code.testkit.fakecloud.Sandbox;
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
 * The cloud backend as a {@link ContractPeer}: a client made the way a user makes one,
 * {@code LettaCode.create(CloudOptions)}, against the class's {@link FakeLettaCloud}, whose relay bridges to real
 * pinned Letta Code listeners (a managed sandbox per conversation, or one named environment). Turns really run in
 * the listener, scripted through the fake's Letta API; tools really run in the peer's work dir (the session's
 * {@code cwd}). {@link #killPeer} SIGKILLs the listener the session runs on.
 */
final class CloudContractPeer implements ContractPeer, FaultInjection {

    /** Short, so the transport-death scenarios see their sessions close quickly. */
    static final Duration RECONNECT_BOUND = Duration.ofSeconds(1);

    private final SharedFakeCloud shared;
    private final FakeLettaCloud cloud;
    private final int firstRequest;
    private final Path work;
    private final LettaCodeClient client;

    CloudContractPeer(SharedFakeCloud shared) {
        this.shared = shared;
        this.cloud = shared.cloud();
        cloud.api().clear();
        this.firstRequest = cloud.api().turns().size();
        try {
            work = Files.createTempDirectory("letta-cloud-contract-").toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        client = LettaCode.create(clientOptions());
    }

    private CloudOptions clientOptions() {
        return CloudOptions.builder(cloud.apiKey()).baseUrl(cloud.baseUrl()).requestTimeout(Duration.ofSeconds(15))
                .reconnectBound(RECONNECT_BOUND).target(shared.target()).build();
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
        cloud.api().enqueue(script);
    }

    @Override
    public Path workDir() {
        return work;
    }

    @Override
    public List<ModelRequest> modelRequests() {
        return ModelRequest.since(cloud.api(), firstRequest);
    }

    /** The fake cloud's sandbox listeners run on "Cloud's machines", not the SDK's. */
    @Override
    public boolean ownsProcess(ProcessHandle process) {
        return cloud.spawned(process);
    }

    @Override
    public List<String> secrets() {
        return List.of(cloud.apiKey());
    }

    /** SIGKILL of the session's listener: its sandbox's, or the environment's (restarted for the next peer). */
    @Override
    public void killPeer(Session session) {
        cloud.killListener(deviceOf(session));
    }

    /** Freezes the listener the session runs on; the relay and the SDK's socket stay up and hear nothing. */
    @Override
    public Optional<ProcessHandle> freezePeer(Session session) {
        ProcessHandle listener = cloud.listenerProcess(deviceOf(session))
                .flatMap(process -> ProcessHandle.of(process.pid()))
                .orElseThrow(() -> new AssertionError("no live listener for " + session.conversationId()));
        ProcessSignals.freeze(listener);
        return Optional.of(listener);
    }

    /** The fake relay passes the frame on to the session's SDK sockets, as if the listener had sent it. */
    @Override
    public boolean injectFrame(Session session, String raw) {
        return cloud.sendToSdkSockets(session.conversationId(), raw) > 0;
    }

    /** The fake cloud drops the SDK's relay sockets without a close frame; the listener lives on. */
    @Override
    public boolean dropConnection(Session session) {
        cloud.dropSdkSockets();
        return true;
    }

    /**
     * The relay forgets the listener's environment (1008 {@code "Environment not found"}): the listener registers
     * again on a new connection and the cloud closes the old connection's SDK sockets (1001), as a restarted relay
     * would. Returns once the listener is online on the new connection.
     */
    @Override
    public boolean restartPeer(Session session) {
        String device = deviceOf(session);
        String before = cloud.environment(device).orElseThrow().connectionId();
        cloud.closeListenerSockets(device, 1008, "Environment not found");
        cloud.awaitEnvironment(device, e -> e.online() && !e.connectionId().equals(before), Duration.ofSeconds(30));
        return true;
    }

    /** The fake Letta API answers {@code POST /v1/agents} with the status. */
    @Override
    public boolean failAgentCreation(int status) {
        cloud.failNext("POST", "/v1/agents/?", status, ErrorShape.DETAIL.body("fake_failure",
                "fake agent creation failure " + status), status == 429 ? 1 : null, 1000);
        return true;
    }

    @Override
    public void clearApiFailures() {
        cloud.clearFailures();
    }

    private String deviceOf(Session session) {
        if (!shared.sandboxes()) {
            return shared.environment().deviceId();
        }
        String conversation = session.conversationId();
        return cloud.sandboxes().stream()
                .filter(s -> conversation.equals(s.conversationId()) || conversation.equals(s.agentId()))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("no sandbox for " + conversation)).deviceId();
    }

    @Override
    public Set<ContractFeature> features() {
        return EnumSet.of(ContractFeature.MODELS, ContractFeature.RAW_COMMANDS, ContractFeature.DREAMING,
                ContractFeature.OBSERVES_MODEL_REQUESTS, ContractFeature.RUNS_TOOLS, ContractFeature.SLOW_TURNS,
                ContractFeature.NETWORK_CONNECTION, ContractFeature.RESOURCES, ContractFeature.LETTA_API);
    }

    @Override
    public String alternateModel() {
        return SharedFakeCloud.ALTERNATE_MODEL;
    }

    /** The listener retries a run that failed with an {@code llm_error} three times, as the app server does. */
    @Override
    public int modelCallAttempts() {
        return 4;
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            cloud.api().clear();
            try (Stream<Path> paths = Files.walk(work)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                // best effort: a temp dir
            }
        }
    }
}

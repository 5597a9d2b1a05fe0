package ai.letta.code.transport.local;

import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.api.Session;
import ai.letta.code.api.backend.Backend;
import ai.letta.code.api.backend.LocalOptions;
import ai.letta.code.core.LettaCode;
import ai.letta.code.testkit.contract.ContractFeature;
import ai.letta.code.testkit.contract.ContractPeer;
import ai.letta.code.testkit.peer.PeerInstall;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * What both real-CLI contract peers share: the pinned Node and CLI passed explicitly, a fresh {@code HOME} and work
 * directory per peer (so no {@code ~/.letta} state leaks between scenarios), telemetry off, and a client made the
 * way a user makes one, {@code LettaCode.create(Backend.local(options))}. Closing the peer closes the client (which
 * stops every CLI process), then the subclass's fake server, then deletes both directories.
 */
abstract class CliContractPeer implements ContractPeer {

    protected final Path home;
    protected final Path work;
    private LettaCodeClient client;

    CliContractPeer() {
        try {
            home = Files.createTempDirectory("letta-contract-home-").toRealPath();
            work = Files.createTempDirectory("letta-contract-work-").toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Builds the client; subclasses call it once their fake server runs. */
    protected final void connect(LocalOptions.Builder backendOptions) {
        client = LettaCode.create(Backend.local(backendOptions.build()));
    }

    /** @return the options every real-CLI peer starts from */
    protected final LocalOptions.Builder baseOptions() {
        PeerInstall install = PeerInstall.locate();
        return LocalOptions.builder()
                .nodePath(install.node())
                .cliPath(install.cli())
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

    /** kill -9 of the CLI process that serves the session right now (after a respawn, the new one). */
    @Override
    public void killPeer(Session session) {
        LiveProcesses.serving(session.conversationId())
                .orElseThrow(() -> new AssertionError("no live CLI process serves " + session.conversationId()))
                .destroyForcibly();
    }

    /** The real CLI does everything the contract asks, on both of its backends. */
    @Override
    public Set<ContractFeature> features() {
        return EnumSet.of(ContractFeature.MODELS, ContractFeature.RAW_COMMANDS,
                ContractFeature.OBSERVES_MODEL_REQUESTS, ContractFeature.RUNS_TOOLS, ContractFeature.SLOW_TURNS,
                ContractFeature.SYSTEM_PROMPT_PRESETS);
    }

    /** stdio's raw protocol is control requests; {@code initialize} is answered by a control_response (§3.1). */
    @Override
    public RawCommandProbe rawCommandProbe() {
        return new RawCommandProbe(Map.of("type", "initialize"), "control_response");
    }

    /** Stops the fake server the subclass started. */
    protected abstract void stopServer();

    @Override
    public void close() {
        try {
            if (client != null) {
                client.close();
            }
        } finally {
            try {
                stopServer();
            } finally {
                LocalBackendPeer.delete(home);
                LocalBackendPeer.delete(work);
            }
        }
    }
}

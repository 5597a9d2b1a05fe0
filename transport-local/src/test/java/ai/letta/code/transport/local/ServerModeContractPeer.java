package ai.letta.code.transport.local;

import ai.letta.code.api.Session;
import ai.letta.code.api.backend.LocalMode;
import ai.letta.code.testkit.contract.ContractFeature;
import ai.letta.code.testkit.secrets.Sentinels;
import ai.letta.code.transport.local.process.LiveProcesses;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The real pinned CLI in API mode against a {@link ai.letta.code.testkit.fakeapi.FakeLettaApi}, as
 * {@link ApiModeContractPeer}, with the client in {@link LocalMode#APP_SERVER}: one loopback {@code letta server}
 * serves the sessions that name an agent; sessions without one, or with their own environment, still get a CLI
 * process each. Killing or freezing the peer of a session on the server acts on the server (every session on it
 * sees it).
 */
final class ServerModeContractPeer extends ApiModeContractPeer {

    /** The fault matrix's sentinel secret rides in the server's environment, which its tools inherit. */
    ServerModeContractPeer() {
        super(LocalMode.APP_SERVER, Map.of("LETTA_FAULT_SENTINEL", Sentinels.ENV_VALUE));
    }

    /**
     * The app server adds conversations, blocks and dreaming to what the CLI does; a session's own environment
     * would move it off the server, so the fault matrix's sentinel secret goes into the server's (see the
     * constructor).
     */
    @Override
    public Set<ContractFeature> features() {
        Set<ContractFeature> features = EnumSet.copyOf(super.features());
        features.add(ContractFeature.RESOURCES);
        features.add(ContractFeature.DREAMING);
        features.remove(ContractFeature.SESSION_ENV);
        return features;
    }

    /** A session on the server takes the app server's raw protocol. */
    @Override
    public RawCommandProbe rawCommandProbe() {
        return new RawCommandProbe(Map.of("type", "app_server_info"), "app_server_info_response");
    }

    /** The app server in API mode calls a failing model four times: once and three retries (CLI 0.32.18). */
    @Override
    public int modelCallAttempts() {
        return 4;
    }

    /**
     * A session on the server hears it through a websocket this peer cannot write into (the relay-injected frames of
     * {@code RemoteFaultMatrixIT} play those rows on the same protocol client); a session in a CLI of its own is
     * injected into as in stdio mode.
     */
    @Override
    public boolean injectFrame(Session session, String raw) {
        return LiveProcesses.serving(session.conversationId()).isPresent() && super.injectFrame(session, raw);
    }

    /** @return the session's own CLI, or the loopback server that serves it */
    @Override
    protected ProcessHandle cliServing(Session session) {
        if (LiveProcesses.serving(session.conversationId()).isPresent()) {
            return super.cliServing(session);
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
}

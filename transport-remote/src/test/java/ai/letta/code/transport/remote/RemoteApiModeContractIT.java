package ai.letta.code.transport.remote;

import ai.letta.code.testkit.contract.ContractPeer;
import org.junit.jupiter.api.AfterAll;

/**
 * The transport contract through {@code LettaCode.create(RemoteOptions)} against the real pinned app server in API
 * mode (its default backend), scripted through a {@link ai.letta.code.testkit.fakeapi.FakeLettaApi}: agents,
 * conversations and runs live on the fake Letta server, tools run for real in each peer's work dir.
 */
class RemoteApiModeContractIT extends SharedServerContract {

    private static final SharedAppServer<?> SHARED = SharedAppServer.inApiMode();

    @AfterAll
    static void stopServer() {
        SHARED.close();
    }

    @Override
    protected ContractPeer createPeer() {
        return new RemoteContractPeer(SHARED);
    }
}

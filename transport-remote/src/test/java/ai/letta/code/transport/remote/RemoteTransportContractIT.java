package ai.letta.code.transport.remote;

import ai.letta.code.testkit.contract.ContractPeer;
import org.junit.jupiter.api.AfterAll;

/**
 * The transport contract through {@code LettaCode.create(RemoteOptions)} against the real pinned app server on its
 * local backend, with a scripted {@link ai.letta.code.testkit.fakemodel.FakeModelEndpoint} as the model (tools run
 * for real in each peer's work dir).
 */
class RemoteTransportContractIT extends SharedServerContract {

    private static final SharedAppServer<?> SHARED = SharedAppServer.onLocalBackend();

    @AfterAll
    static void stopServer() {
        SHARED.close();
    }

    @Override
    protected ContractPeer createPeer() {
        return new RemoteContractPeer(SHARED);
    }
}

package ai.letta.code.transport.remote;

import ai.letta.code.testkit.contract.ContractPeer;
import ai.letta.code.testkit.contract.TransportContract;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The transport contract through {@code LettaCode.create(RemoteOptions)} against the real pinned app server on its
 * local backend, with a scripted {@link ai.letta.code.testkit.fakemodel.FakeModelEndpoint} as the model (tools run
 * for real in each peer's work dir). One server for the class; each test gets its own client, agents,
 * conversations and work dir.
 */
@Timeout(120)
class RemoteTransportContractIT extends TransportContract {

    @RegisterExtension
    static final SharedAppServer<?> SHARED = SharedAppServer.onLocalBackend();

    @Override
    public ContractPeer createPeer() {
        return new RemoteContractPeer(SHARED);
    }
}

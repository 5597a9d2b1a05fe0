package ai.letta.code.transport.remote;

import ai.letta.code.testkit.contract.ContractPeer;
import ai.letta.code.testkit.contract.TransportContract;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The transport contract through {@code LettaCode.create(RemoteOptions)} against the real pinned app server in API
 * mode (its default backend), scripted through a {@link ai.letta.code.testkit.fakeapi.FakeLettaApi}: agents,
 * conversations and runs live on the fake Letta server, tools run for real in each peer's work dir.
 */
@Timeout(120)
class RemoteApiModeContractIT extends TransportContract {

    @RegisterExtension
    static final SharedAppServer<?> API_MODE = SharedAppServer.inApiMode();

    @Override
    public ContractPeer createPeer() {
        return new RemoteContractPeer(API_MODE);
    }
}

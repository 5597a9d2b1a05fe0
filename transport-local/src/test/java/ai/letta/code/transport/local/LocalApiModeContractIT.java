package ai.letta.code.transport.local;

import ai.letta.code.testkit.contract.ContractPeer;
import ai.letta.code.testkit.contract.TransportContract;
import ai.letta.code.testkit.peer.NoLeftoverProcesses;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The transport contract through {@code LettaCode.create(LocalOptions)} against the real pinned CLI in API
 * mode, scripted through a {@link ai.letta.code.testkit.fakeapi.FakeLettaApi}.
 */
@ExtendWith(NoLeftoverProcesses.class)
@Timeout(120)
class LocalApiModeContractIT extends TransportContract {

    @Override
    public ContractPeer createPeer() {
        return new ApiModeContractPeer();
    }
}

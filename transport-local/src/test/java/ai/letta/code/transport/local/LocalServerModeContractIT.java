package ai.letta.code.transport.local;

import ai.letta.code.api.backend.LocalMode;
import ai.letta.code.testkit.contract.ContractPeer;
import ai.letta.code.testkit.contract.TransportContract;
import ai.letta.code.testkit.peer.NoLeftoverProcesses;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The transport contract through {@code LettaCode.create(LocalOptions)} in {@code LocalMode.APP_SERVER} against the
 * real pinned CLI's app server in API mode, scripted through a {@link ai.letta.code.testkit.fakeapi.FakeLettaApi}:
 * the same scenarios as {@link LocalApiModeContractIT}, on the other local mode.
 */
@ExtendWith(NoLeftoverProcesses.class)
@Timeout(120)
class LocalServerModeContractIT extends TransportContract {

    @Override
    public ContractPeer createPeer() {
        return new ApiModeContractPeer(LocalMode.APP_SERVER);
    }
}

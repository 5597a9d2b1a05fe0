package ai.letta.code.transport.local;

import ai.letta.code.api.backend.LocalMode;
import ai.letta.code.testkit.contract.ContractPeer;
import ai.letta.code.testkit.contract.FaultMatrix;
import ai.letta.code.testkit.peer.NoLeftoverProcesses;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The fault matrix through {@code LettaCode.create(LocalOptions)} in {@code LocalMode.APP_SERVER} against the real
 * pinned CLI's app server in API mode: a crashed and a frozen server, status faults of its Letta API, callbacks that
 * misbehave, and open/send/close cycles, on the process and socket code of the default local mode.
 */
@ExtendWith(NoLeftoverProcesses.class)
@Timeout(120)
class LocalServerModeFaultMatrixIT extends FaultMatrix {

    @Override
    public ContractPeer createPeer() {
        return new ApiModeContractPeer(LocalMode.APP_SERVER);
    }
}

package ai.letta.code.transport.local;

import ai.letta.code.testkit.contract.ContractPeer;
import ai.letta.code.testkit.contract.FaultMatrix;
import ai.letta.code.testkit.peer.NoLeftoverProcesses;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The fault matrix through {@code LettaCode.create(LocalOptions)} against the real pinned CLI in API mode, as
 * {@link LocalApiModeContractIT} runs the behaviour: a crashed and a frozen CLI, lines it never sent, status faults
 * of its Letta API, callbacks that misbehave, and open/send/close cycles ({@code -Dletta.faults.cycles=1000} for
 * the full thousand).
 */
@ExtendWith(NoLeftoverProcesses.class)
@Timeout(120)
class LocalFaultMatrixIT extends FaultMatrix {

    @Override
    public ContractPeer createPeer() {
        return new ApiModeContractPeer();
    }
}

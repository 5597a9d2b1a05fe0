package ai.letta.code.transport.local;

import ai.letta.code.testkit.contract.AgentContract;
import ai.letta.code.testkit.contract.ContractSetup;
import ai.letta.code.testkit.peer.NoLeftoverProcesses;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link AgentContract} through {@code LettaCode.create(LocalOptions)} against the real pinned CLI on its own
 * local backend ({@code --backend local}: agents and memory on disk, local model list and switch), with a scripted
 * {@link ai.letta.code.testkit.fakemodel.FakeModelEndpoint} as the model. The whole contract runs in API mode
 * ({@link LocalApiModeContractIT}); the local backend runs the suites whose behaviour depends on it.
 */
@ExtendWith(NoLeftoverProcesses.class)
@Timeout(120)
class LocalBackendAgentContractIT extends AgentContract {

    @Override
    protected ContractSetup setup() {
        return LocalBackendContractPeer::new;
    }
}

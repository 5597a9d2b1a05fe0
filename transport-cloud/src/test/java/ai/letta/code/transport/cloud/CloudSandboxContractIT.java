package ai.letta.code.transport.cloud;

import ai.letta.code.testkit.contract.ContractPeer;
import ai.letta.code.testkit.contract.TransportContract;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The transport contract through {@code LettaCode.create(CloudOptions)} against {@code FakeLettaCloud} with managed
 * sandboxes (the cloud backend's default target): every session's conversation runs in a real pinned Letta Code
 * listener the fake spawns, reached through the fake's relay; agents, conversations and runs live on the fake's
 * Letta API.
 */
@Timeout(120)
class CloudSandboxContractIT extends TransportContract {

    @RegisterExtension
    static final SharedFakeCloud CLOUD = SharedFakeCloud.withSandboxes();

    @Override
    public ContractPeer createPeer() {
        return new CloudContractPeer(CLOUD);
    }
}

package ai.letta.code.transport.cloud;

import ai.letta.code.testkit.contract.ContractPeer;
import ai.letta.code.testkit.contract.TransportContract;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The transport contract through {@code LettaCode.create(CloudOptions)} against {@code FakeLettaCloud} on a named
 * environment: one real pinned Letta Code listener ({@code letta server --computer-name contract-env}) that the test
 * starts, as a user's own machine would run it, serves every session through the fake's relay.
 */
@Timeout(120)
class CloudEnvironmentContractIT extends TransportContract {

    @RegisterExtension
    static final SharedFakeCloud CLOUD = SharedFakeCloud.withEnvironment();

    @Override
    public ContractPeer createPeer() {
        return new CloudContractPeer(CLOUD);
    }
}

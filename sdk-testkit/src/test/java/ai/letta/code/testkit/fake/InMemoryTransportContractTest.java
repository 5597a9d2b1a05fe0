package ai.letta.code.testkit.fake;

import ai.letta.code.testkit.contract.ContractPeer;
import ai.letta.code.testkit.contract.TransportContract;
import java.time.Duration;

/** The behaviour contract against the engine over the in-memory fake with every feature on. */
class InMemoryTransportContractTest extends TransportContract {

    @Override
    public ContractPeer createPeer() {
        return new InMemoryContractPeer();
    }

    @Override
    public Duration turnTimeout() {
        return Duration.ofSeconds(10);
    }
}

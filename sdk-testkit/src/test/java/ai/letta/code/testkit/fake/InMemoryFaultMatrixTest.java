package ai.letta.code.testkit.fake;

import ai.letta.code.testkit.contract.ContractPeer;
import ai.letta.code.testkit.contract.FaultMatrix;
import java.time.Duration;

/** The fault matrix against the engine over the in-memory fake with every feature on. */
class InMemoryFaultMatrixTest extends FaultMatrix {

    @Override
    public ContractPeer createPeer() {
        return new InMemoryContractPeer();
    }

    @Override
    public Duration turnTimeout() {
        return Duration.ofSeconds(10);
    }

    /** The fake costs microseconds per cycle: the full thousand. */
    @Override
    public int faultCycles() {
        return Integer.getInteger("letta.faults.cycles", 1000);
    }
}

package ai.letta.code.testkit.fake;

import ai.letta.code.examples.QuickstartExamples;
import ai.letta.code.testkit.contract.ContractPeer;

/** Every quickstart example on the in-memory fake: fast, and in the JDK 25 run, which skips the real peers. */
class InMemoryQuickstartExamplesTest extends QuickstartExamples {

    @Override
    public ContractPeer createPeer() {
        return new InMemoryContractPeer();
    }
}

package ai.letta.code.transport.remote;

import ai.letta.code.examples.QuickstartExamples;
import ai.letta.code.testkit.contract.ContractPeer;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every quickstart example on the real pinned app server (its local backend, a scripted model), through
 * {@code LettaCode.create(RemoteOptions)}: one server for the class, a fresh client, agents and work dir per example.
 */
@Timeout(120)
class RemoteQuickstartExamplesIT extends QuickstartExamples {

    @RegisterExtension
    static final SharedAppServer<?> SHARED = SharedAppServer.onLocalBackend();

    @Override
    public ContractPeer createPeer() {
        return new RemoteContractPeer(SHARED);
    }
}

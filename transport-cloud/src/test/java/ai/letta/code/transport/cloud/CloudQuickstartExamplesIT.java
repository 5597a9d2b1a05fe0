package ai.letta.code.transport.cloud;

import ai.letta.code.examples.QuickstartExamples;
import ai.letta.code.testkit.contract.ContractPeer;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every quickstart example through {@code LettaCode.create(CloudOptions)} against {@code FakeLettaCloud}, each
 * session in a managed sandbox (the cloud backend's default target: a real pinned listener from a warm pool).
 */
@Timeout(120)
class CloudQuickstartExamplesIT extends QuickstartExamples {

    @RegisterExtension
    static final SharedFakeCloud CLOUD = SharedFakeCloud.withSandboxes();

    @Override
    public ContractPeer createPeer() {
        return new CloudContractPeer(CLOUD);
    }
}

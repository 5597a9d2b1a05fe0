package ai.letta.code.transport.cloud;

import ai.letta.code.examples.QuickstartExamples;
import ai.letta.code.testkit.contract.ContractPeer;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every quickstart example through {@code LettaCode.create(CloudOptions)} against {@code FakeLettaCloud}, its
 * sessions on one named environment (a real pinned listener bridged by the relay). The examples do not depend on
 * the target; on managed sandboxes (the default target, {@code CloudSandboxContractIT}) each session would start a
 * listener, which took 27 s for the class instead of 12 s.
 */
@Timeout(120)
class CloudQuickstartExamplesIT extends QuickstartExamples {

    @RegisterExtension
    static final SharedFakeCloud CLOUD = SharedFakeCloud.withEnvironment();

    @Override
    public ContractPeer createPeer() {
        return new CloudContractPeer(CLOUD);
    }
}

package ai.letta.code.transport.cloud;

import ai.letta.code.testkit.contract.ContractPeer;
import ai.letta.code.testkit.contract.FaultMatrix;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The fault matrix through {@code LettaCode.create(CloudOptions)} against {@code FakeLettaCloud} on a named
 * environment (a real pinned listener), as {@link CloudEnvironmentContractIT} runs the behaviour: a crashed, frozen
 * and restarted listener, dropped relay sockets, frames it never sent, HTTP status faults, callbacks that
 * misbehave, and open/send/close cycles ({@code -Dletta.faults.cycles=1000} for the full thousand). Managed
 * sandboxes reach the same listener code through the same relay, so {@link CloudSandboxContractIT} plays the
 * behaviour only; the sandbox's own faults (expiry, refresh) are in {@link CloudFaultsIT}.
 */
@Timeout(120)
class CloudFaultMatrixIT extends FaultMatrix {

    @RegisterExtension
    static final SharedFakeCloud CLOUD = SharedFakeCloud.withEnvironment();

    @Override
    public ContractPeer createPeer() {
        return new CloudContractPeer(CLOUD);
    }
}

package ai.letta.code.testkit.fake;

import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.testkit.contract.ContractPeer;
import ai.letta.code.testkit.contract.TransportContract;
import java.time.Duration;

/**
 * The whole contract against a fake that lacks every optional feature (models, raw commands, dreaming, real tool
 * runs), so the scenarios' {@code UnsupportedFeatureException} branches run too.
 */
class InMemoryTransportWithoutOptionalFeaturesContractTest extends TransportContract {

    @Override
    public ContractPeer createPeer() {
        return new InMemoryContractPeer(InMemoryTransport.builder().kind(BackendKind.LOCAL).models(false)
                .rawCommands(false).dreaming(false).runTools(false));
    }

    @Override
    public Duration turnTimeout() {
        return Duration.ofSeconds(10);
    }
}

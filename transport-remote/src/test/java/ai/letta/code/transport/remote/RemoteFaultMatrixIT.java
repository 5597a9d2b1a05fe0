package ai.letta.code.transport.remote;

import ai.letta.code.testkit.contract.ContractPeer;
import ai.letta.code.testkit.contract.FaultMatrix;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The fault matrix through {@code LettaCode.create(RemoteOptions)} against the real pinned app server on its local
 * backend, as {@link RemoteTransportContractIT} runs the behaviour: a crashed, frozen and restarted server, a
 * dropped socket, frames it never sent, callbacks that misbehave, and open/send/close cycles
 * ({@code -Dletta.faults.cycles=1000} for the full thousand). The API mode shares this socket and session code, so
 * its contract run plays the behaviour only.
 */
@Timeout(120)
class RemoteFaultMatrixIT extends FaultMatrix {

    @RegisterExtension
    static final SharedAppServer<?> SHARED = SharedAppServer.onLocalBackend();

    @Override
    public ContractPeer createPeer() {
        return new RemoteContractPeer(SHARED);
    }
}

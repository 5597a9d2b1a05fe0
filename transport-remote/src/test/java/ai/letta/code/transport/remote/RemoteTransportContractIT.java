package ai.letta.code.transport.remote;

import ai.letta.code.testkit.contract.ContractPeer;
import ai.letta.code.testkit.contract.TransportContract;
import ai.letta.code.testkit.peer.ProcessLeakCheck;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * The transport contract through {@code LettaCode.create(RemoteOptions)} against the real pinned app server on its
 * local backend, with a scripted {@link ai.letta.code.testkit.fakemodel.FakeModelEndpoint} as the model (tools run
 * for real in each peer's work dir). One server for the whole class ({@link SharedAppServer}); each test gets its
 * own client, agents, conversations and work dir.
 *
 * <p>The process-leak check is done here rather than with {@code NoLeftoverProcesses}: that extension would also
 * run after each nested suite and count the shared server as a leak.
 */
@Timeout(120)
class RemoteTransportContractIT extends TransportContract {

    private static final SharedAppServer SHARED = new SharedAppServer();
    private static Set<ProcessHandle> baseline;

    @BeforeAll
    static void snapshotProcesses() {
        baseline = ProcessLeakCheck.snapshot();
    }

    @AfterAll
    static void stopServer() {
        SHARED.close();
        ProcessLeakCheck.assertNoLeftovers(baseline, Duration.ofSeconds(3), "RemoteTransportContractIT");
    }

    @Override
    protected ContractPeer createPeer() {
        return new RemoteContractPeer(SHARED);
    }
}

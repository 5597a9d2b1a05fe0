package ai.letta.code.transport.remote;

import ai.letta.code.testkit.contract.TransportContract;
import ai.letta.code.testkit.peer.ProcessLeakCheck;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * The transport contract against one real app server per class (a {@link SharedAppServer} the subclass owns and
 * closes in its own {@code @AfterAll}, which JUnit runs before this one). Each test gets its own client, agents,
 * conversations and work dir ({@link RemoteContractPeer}).
 *
 * <p>The process-leak check is done here rather than with {@code NoLeftoverProcesses}: that extension would also
 * run after each nested suite and count the shared server as a leak.
 */
@Timeout(120)
abstract class SharedServerContract extends TransportContract {

    private static Set<ProcessHandle> baseline;

    @BeforeAll
    static void snapshotProcesses() {
        baseline = ProcessLeakCheck.snapshot();
    }

    @AfterAll
    static void assertNoLeftoverProcesses() {
        ProcessLeakCheck.assertNoLeftovers(baseline, Duration.ofSeconds(3), "the shared app server's contract run");
    }
}

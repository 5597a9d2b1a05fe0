package ai.letta.code.testkit.contract;

import java.time.Duration;

/**
 * Where a contract suite's peers come from, and how long its waits may take. {@link TransportContract} is one (its
 * nested suites share it); a transport that runs a single suite gives one as a lambda:
 * {@code protected ContractSetup setup() { return MyContractPeer::new; }}.
 */
@FunctionalInterface
public interface ContractSetup {

    /** @return a fresh peer for one test; the suite closes it after the test */
    ContractPeer createPeer();

    /** @return the longest a turn, an open or a close may take (default 30 s) */
    default Duration turnTimeout() {
        return Duration.ofSeconds(30);
    }

    /** @return the idle timeout the idle-watchdog scenario sets (default 1 s) */
    default Duration idleTimeout() {
        return Duration.ofSeconds(1);
    }

    /** @return how long the raw-command timeout scenario waits for an answer that never matches (default 500 ms) */
    default Duration unansweredCommandTimeout() {
        return Duration.ofMillis(500);
    }

    /**
     * @return how many createSession, send, close cycles the fault matrix runs (5 on a real peer, where a cycle
     *     costs up to seconds; the system property {@code letta.faults.cycles} overrides it, e.g. 1000)
     */
    default int faultCycles() {
        return Integer.getInteger("letta.faults.cycles", 5);
    }
}

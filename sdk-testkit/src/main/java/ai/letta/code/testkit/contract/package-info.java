/**
 * The transport contract: abstract JUnit 5 suites every transport runs against its real peer
 * ({@link ai.letta.code.testkit.contract.TransportContract} ties the behaviour together in each of a transport's
 * modes, {@link ai.letta.code.testkit.contract.FaultMatrix} the faults, played once per transport), the
 * {@link ai.letta.code.testkit.contract.ContractPeer} a transport implements for them, and the
 * {@link ai.letta.code.testkit.contract.EventRecorder} that keeps every wait bounded.
 */
package ai.letta.code.testkit.contract;

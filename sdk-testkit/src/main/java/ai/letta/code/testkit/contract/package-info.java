/**
 * The transport contract: abstract JUnit 5 suites every transport runs against its real peer
 * ({@link ai.letta.code.testkit.contract.TransportContract} ties them together), the
 * {@link ai.letta.code.testkit.contract.ContractPeer} a transport implements for them, and the
 * {@link ai.letta.code.testkit.contract.EventRecorder} that keeps every wait bounded.
 */
package ai.letta.code.testkit.contract;

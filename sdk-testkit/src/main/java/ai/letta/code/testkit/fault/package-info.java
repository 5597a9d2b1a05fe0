/**
 * The fault matrix's tools: what a peer can be made to do wrong ({@link ai.letta.code.testkit.fault.FaultInjection}),
 * the process, thread and descriptor baseline a fault must leave as it found it
 * ({@link ai.letta.code.testkit.fault.ResourceBaseline}), and the table of measured outcomes
 * ({@link ai.letta.code.testkit.fault.FaultReport}). The scenarios are the {@code contract.*FaultContract} suites
 * (peer, connection, frame, HTTP status, callback, cycle faults).
 */
package ai.letta.code.testkit.fault;

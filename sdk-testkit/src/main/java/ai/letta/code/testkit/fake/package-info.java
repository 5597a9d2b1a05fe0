/**
 * The in-memory fake transport: {@link ai.letta.code.testkit.fake.InMemoryTransport} implements every port without a
 * process or a socket, plays {@link ai.letta.code.testkit.script.TurnScript}s, runs tools for real in the session's
 * cwd, and injects transport {@link ai.letta.code.testkit.fake.Fault}s. {@link
 * ai.letta.code.testkit.fake.InMemoryContractPeer} puts the engine over it for the contract suite.
 */
package ai.letta.code.testkit.fake;

/**
 * One stdio session and its turns: {@code StdioSessionPort} opens sessions (and the handshake-only process that
 * creates an agent), {@code StdioSessionChannel} runs one (one turn at a time through {@code TurnGate}, held
 * messages, {@code ProcessReplacement} of a process that cannot end an interrupted turn), {@code WireEventMapper}
 * turns wire records into domain events, {@code QueueModel} mirrors the CLI's queue. Internal to the module.
 */
package ai.letta.code.transport.local.session;

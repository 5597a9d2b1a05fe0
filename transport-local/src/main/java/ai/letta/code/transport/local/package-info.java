/**
 * The local backend: the Letta Code CLI as a Node subprocess over stdio. Public entry points:
 * {@link ai.letta.code.transport.local.LocalTransportProvider} (found by {@code LettaCode.create(Backend.local())}),
 * {@link ai.letta.code.transport.local.LocalTransportModule} for Guice users, and
 * {@link ai.letta.code.transport.local.LocalTransport}, which wires the layers below. They are internal packages
 * of this module (not exported); each depends only on the ones listed before it:
 * <ul>
 *   <li>{@code process}: finding, starting and ending one CLI process ({@code CliLocator}, {@code LaunchSpec},
 *       {@code CliArguments}, {@code CliSpawner}, {@code StdioTransport}, {@code ProcessReaper},
 *       {@code ProcessLineage}, {@code LiveProcesses}), its stdin ({@code StdinWriter}) and its output
 *       ({@code BoundedLineReader}, {@code StderrTail});</li>
 *   <li>{@code wire}: one NDJSON line to a wire record and back ({@code NdjsonCodec}, {@code WireMessage});</li>
 *   <li>{@code control}: what stdio lacks: {@code LocalAgents} with {@code LocalAgentFiles} (local backend) or
 *       {@code LettaApiAgentEditor} (API mode), {@code LocalModels} and {@code CliSubcommand}
 *       ({@code letta model|agents ...});</li>
 *   <li>{@code session}: one session and its turns: {@code StdioSessionPort} (opening), {@code StdioSessionChannel}
 *       (one turn at a time, held messages, replacing a process that cannot end an interrupted turn),
 *       {@code WireEventMapper} (wire records to domain events), {@code TurnGate}, {@code QueueModel}.</li>
 * </ul>
 */
package ai.letta.code.transport.local;

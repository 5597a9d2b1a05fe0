/**
 * The local backend: the Letta Code CLI as a Node subprocess over stdio. Public entry points:
 * {@link ai.letta.code.transport.local.LocalTransportProvider} (found by {@code LettaCode.create(Backend.local())}),
 * {@link ai.letta.code.transport.local.LocalTransportModule} for Guice users, and
 * {@link ai.letta.code.transport.local.LocalTransport}. Everything else is package-private:
 * <ul>
 *   <li>finding and starting the programs: {@code CliLocator} (node and letta.js, Node's version checked),
 *       {@code LaunchSpec} (flags and environment), {@code CliSpawner} (spawn, handshake, typed start errors);</li>
 *   <li>one process: {@code StdioTransport} (pipes and reader threads), {@code ProcessReaper} (EOF, SIGTERM,
 *       SIGKILL, descendants), {@code ProcessLineage} (every process the CLI started, by an environment marker),
 *       {@code StderrTail}, {@code LiveProcesses} (the JVM shutdown hook);</li>
 *   <li>the wire: {@code BoundedLineReader} (framing) → {@code NdjsonCodec} (JSON to wire records) →
 *       {@code WireEventMapper} (wire records to domain events), {@code QueueModel} (queue updates);</li>
 *   <li>one session: {@code StdioSessionChannel} (one turn at a time, held messages, replacing a process that
 *       cannot end an interrupted turn), {@code StdinWriter} (ordered stdin writes off the reader thread);</li>
 *   <li>what stdio lacks: {@code LocalAgents} with {@code LocalAgentFiles} (local backend) or
 *       {@code LettaApiAgentEditor} (API mode), {@code LocalModels} and {@code CliSubcommand}
 *       ({@code letta model|agents ...}).</li>
 * </ul>
 */
package ai.letta.code.transport.local;

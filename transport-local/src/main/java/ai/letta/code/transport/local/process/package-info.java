/**
 * One CLI process: locating node and letta.js ({@code CliLocator}, {@code NodeVersion}), its flags and environment
 * ({@code LaunchSpec}, {@code CliArguments}), starting it and waiting for the handshake ({@code CliSpawner},
 * {@code CliStartupFailure}, {@code ProcessLauncher}), its pipes and reader threads ({@code StdioTransport},
 * {@code BoundedLineReader}, {@code StderrTail}), ordered stdin writes ({@code StdinWriter}) and ending it with every
 * process it started ({@code ProcessReaper}, {@code ProcessLineage}, {@code LiveProcesses}). Knows nothing of what a
 * line means. Internal to the module.
 */
package ai.letta.code.transport.local.process;

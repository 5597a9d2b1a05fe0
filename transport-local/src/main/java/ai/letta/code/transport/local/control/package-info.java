/**
 * What stdio lacks, done with the same CLI or the Letta API: {@code LocalAgents} (through a short-lived
 * {@code --new-agent} process plus {@code LocalAgentFiles} on the local backend, or {@code LettaApiAgentEditor} over
 * {@code LettaApiHttp} in API mode), {@code LocalBlocks}, {@code LocalModels} and {@code CliSubcommand}
 * ({@code letta model|agents ...}). Internal to the module.
 */
package ai.letta.code.transport.local.control;

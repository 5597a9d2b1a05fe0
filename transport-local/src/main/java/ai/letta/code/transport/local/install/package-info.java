/**
 * Installs the pinned Node and Letta Code CLI into the user's cache directory for the local backend:
 * {@link ai.letta.code.transport.local.install.PeerCache} (used by {@code LocalOptions.builder().installPeers()})
 * and {@link ai.letta.code.transport.local.install.InstallPeers}, a command to run once.
 */
package ai.letta.code.transport.local.install;

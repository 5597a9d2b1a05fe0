package ai.letta.code.transport.local.install;

import ai.letta.code.api.exception.CliNotFoundException;

/**
 * Installs the pinned Node and Letta Code CLI into the user's cache once, printing a line per step:
 * {@code java -cp <classpath> ai.letta.code.transport.local.install.InstallPeers}. The local backend then finds
 * them there. Needs {@code npm} (any version) on {@code PATH}, reaching the npm registry.
 */
public final class InstallPeers {

    private InstallPeers() {}

    /**
     * @param args none
     */
    public static void main(String[] args) {
        PeerCache cache = PeerCache.forUser().withProgress(System.out::println);
        try {
            PeerCache.InstalledPeers peers = cache.install();
            System.out.println("Installed in " + cache.directory() + "\nNode: " + peers.node()
                    + "\nLetta Code CLI: " + peers.cli());
        } catch (CliNotFoundException | UnsupportedOperationException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }
}

package ai.letta.code.testkit.peer;

import java.util.List;

/**
 * The pinned Node and Letta Code CLI could not be found. The message names every place that was tried, why each
 * one did not qualify, and the command that installs the peers.
 */
public final class PeerNotInstalledException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** The command, run from the repository root, that installs the pinned peers. */
    public static final String FIX = "bash sdk-testkit/peers/provision";

    /** Each place tried, with why it did not qualify. */
    private final List<String> placesTried;

    PeerNotInstalledException(List<String> placesTried) {
        super(message(placesTried));
        this.placesTried = List.copyOf(placesTried);
    }

    /** @return each place that was tried, with the reason it did not qualify, in the order tried */
    public List<String> placesTried() {
        return placesTried;
    }

    private static String message(List<String> placesTried) {
        StringBuilder text = new StringBuilder("The pinned Letta Code peers (Node + CLI) are not installed. Tried:");
        placesTried.forEach(place -> text.append("\n  - ").append(place));
        return text.append("\nFix: run `").append(FIX).append("` from the repository root (it installs into .peers/),")
                .append(" or point -D").append(PeerInstall.DIR_PROPERTY).append(" / ").append(PeerInstall.DIR_ENV)
                .append(" at a folder holding ").append(PeerInstall.STAMP_FILE).append('.')
                .append(" Outside the SDK's repository: install the peers once with")
                .append(" `java -cp <classpath> ai.letta.code.transport.local.install.InstallPeers` and point -D")
                .append(PeerInstall.DIR_PROPERTY).append(" at the folder it prints")
                .append(" (~/.cache/letta-code-java/<node>-<cli>), whose ").append(PeerInstall.STAMP_FILE)
                .append(" this reads too.").toString();
    }
}

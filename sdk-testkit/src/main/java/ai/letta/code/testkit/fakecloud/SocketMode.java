package ai.letta.code.testkit.fakecloud;

/**
 * Which listener sockets the register response asks for (cloud-relay.md §3): the two flags
 * {@code supportsSplitStatusChannels} and {@code supportsPairedListenerGenerations}.
 */
public enum SocketMode {
    /** One socket carries everything (no flags). */
    SINGLE(false, false),
    /** {@code channel=control} and {@code channel=stream}, opened together. */
    SPLIT(true, false),
    /**
     * Split, and each socket waits for {@code listener_ready} from the relay; the listener opens the stream socket
     * only after control got it. What CLI 0.32.18 supports, so the default.
     */
    PAIRED(true, true);

    private final boolean split;
    private final boolean paired;

    SocketMode(boolean split, boolean paired) {
        this.split = split;
        this.paired = paired;
    }

    boolean split() {
        return split;
    }

    boolean paired() {
        return paired;
    }
}

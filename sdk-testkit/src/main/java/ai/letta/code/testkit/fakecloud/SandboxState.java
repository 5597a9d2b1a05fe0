package ai.letta.code.testkit.fakecloud;

/** Where a managed sandbox is in its life. */
public enum SandboxState {
    /** Its listener is spawned (or about to be) and not online yet. */
    STARTING,
    /** Its listener's control socket is open. */
    ONLINE,
    /** Its listener process ended without a terminate (crashed, killed, or failed to start). */
    EXITED,
    /** Terminated through the API; refresh answers 404. */
    TERMINATED,
    /** Expired by {@link FakeLettaCloud#expireSandbox}; refresh answers 404. */
    EXPIRED;

    /** Whether the API still knows it as live (refresh succeeds, create resumes it). */
    boolean live() {
        return this != TERMINATED && this != EXPIRED;
    }
}

package ai.letta.code.transport.local.process;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CLI processes still running, and one JVM shutdown hook that kills them: a user who forgets
 * {@code close()}, or a JVM that exits on a signal, must not leave Node processes behind. One hook for all
 * processes rather than one each, so thousands of sessions do not pile up hooks.
 */
public final class LiveProcesses {

    private static final Set<StdioTransport> LIVE = ConcurrentHashMap.newKeySet();
    private static volatile boolean hookInstalled;

    private LiveProcesses() {}

    static void register(StdioTransport transport) {
        installHook();
        LIVE.add(transport);
    }

    static void unregister(StdioTransport transport) {
        LIVE.remove(transport);
    }

    /**
     * @param conversationId a session's conversation
     * @return the live CLI process serving it, if any (for tests that kill a session's peer)
     */
    public static Optional<ProcessHandle> serving(String conversationId) {
        return LIVE.stream().filter(t -> t.isAlive() && conversationId.equals(t.conversationId()))
                .map(t -> ProcessHandle.of(t.pid())).flatMap(Optional::stream).findFirst();
    }

    /** @return how many processes are registered (for tests) */
    public static int count() {
        return LIVE.size();
    }

    private static void installHook() {
        if (hookInstalled) {
            return;
        }
        synchronized (LiveProcesses.class) {
            if (hookInstalled) {
                return;
            }
            try {
                Runtime.getRuntime().addShutdownHook(new Thread(LiveProcesses::killAll, "letta-cli-shutdown"));
            } catch (IllegalStateException e) {
                // The JVM is already shutting down; nothing left to protect.
            }
            hookInstalled = true;
        }
    }

    private static void killAll() {
        for (StdioTransport transport : List.copyOf(LIVE)) {
            transport.kill();
        }
    }
}

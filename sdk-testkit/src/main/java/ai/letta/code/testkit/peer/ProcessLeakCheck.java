package ai.letta.code.testkit.peer;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds processes this JVM started (directly or not) that are still alive, kills them, and says which they were.
 * The real peers spawn grandchildren (tools, reflection subagents), so a launcher that forgets one leaks it into
 * the next test or the developer's machine.
 *
 * <p>Only descendants are visible: an orphan whose parent already died is re-parented and escapes this check, which
 * is why the launchers snapshot descendants before they stop a peer.
 */
public final class ProcessLeakCheck {

    private ProcessLeakCheck() {
    }

    /**
     * @return the JVM's live descendants now; pass it to {@link #leftovers} to ignore processes that already existed
     */
    public static Set<ProcessHandle> snapshot() {
        return new LinkedHashSet<>(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList());
    }

    /**
     * Descendants not in {@code baseline} that are still alive after waiting up to {@code settle} for them to go
     * (a peer that was just stopped may take a moment to be reaped).
     *
     * @param baseline processes to ignore
     * @param settle the longest wait
     * @return the leftovers
     */
    public static List<ProcessHandle> leftovers(Set<ProcessHandle> baseline, Duration settle) {
        long deadline = System.nanoTime() + settle.toNanos();
        while (true) {
            List<ProcessHandle> left = ProcessHandle.current().descendants()
                    .filter(ProcessHandle::isAlive)
                    .filter(handle -> !baseline.contains(handle))
                    .toList();
            if (left.isEmpty() || System.nanoTime() >= deadline) {
                return left;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return left;
            }
        }
    }

    /**
     * Fails if any descendant not in {@code baseline} outlives {@code settle}; the leftovers are killed first
     * (SIGTERM, then SIGKILL) so one leak does not cascade into later tests.
     *
     * @param baseline processes to ignore
     * @param settle the longest wait
     * @param context names the test, for the message
     * @throws AssertionError listing each leftover's pid and command line
     */
    public static void assertNoLeftovers(Set<ProcessHandle> baseline, Duration settle, String context) {
        List<ProcessHandle> left = leftovers(baseline, settle);
        if (left.isEmpty()) {
            return;
        }
        String description = describe(left);
        ChildProcess.killAll(new LinkedHashSet<>(left));
        throw new AssertionError(context + " left " + left.size() + " process(es) running (now killed):"
                + description);
    }

    static String describe(List<ProcessHandle> handles) {
        StringBuilder text = new StringBuilder();
        for (ProcessHandle handle : handles) {
            ProcessHandle.Info info = handle.info();
            text.append("\n  pid ").append(handle.pid())
                    .append(" parent ").append(handle.parent().map(p -> Long.toString(p.pid())).orElse("?"))
                    .append(": ").append(info.commandLine().orElse(info.command().orElse("(command unknown)")));
        }
        return text.toString();
    }
}

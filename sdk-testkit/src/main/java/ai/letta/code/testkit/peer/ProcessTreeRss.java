package ai.letta.code.testkit.peer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The resident memory of a process tree, read from {@code /proc/<pid>/status} ({@code VmRSS}), for the benchmark
 * harnesses' memory rows. Linux only: elsewhere, and for a process that exited while being read, a process counts
 * 0. Shared pages (Node's code, mapped files) count once per process, as {@code ps} shows them, so a sum over N
 * processes overstates what they cost together; the harnesses say so next to the figure.
 */
public final class ProcessTreeRss {

    private ProcessTreeRss() {
    }

    /**
     * @param root a process
     * @return the sum of {@code VmRSS} of its descendants (children, grandchildren, ...), in KiB, without itself
     */
    public static long descendantsKib(ProcessHandle root) {
        try (Stream<ProcessHandle> all = root.descendants()) {
            return all.mapToLong(ProcessTreeRss::kib).sum();
        }
    }

    /**
     * @param root a process
     * @return the sum of {@code VmRSS} of it and its descendants, in KiB
     */
    public static long treeKib(ProcessHandle root) {
        return kib(root) + descendantsKib(root);
    }

    /**
     * @param process a process
     * @return its {@code VmRSS} in KiB, or 0 if it is gone or the platform has no {@code /proc}
     */
    public static long kib(ProcessHandle process) {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        try (Stream<String> lines = Files.lines(status)) {
            return lines.filter(l -> l.startsWith("VmRSS:")).findFirst()
                    .map(l -> Long.parseLong(l.substring("VmRSS:".length()).replace("kB", "").strip())).orElse(0L);
        } catch (IOException | RuntimeException e) {
            // Gone between listing and reading, or no procfs: it holds no memory we can count.
            return 0;
        }
    }
}

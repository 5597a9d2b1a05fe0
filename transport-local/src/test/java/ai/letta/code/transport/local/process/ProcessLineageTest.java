package ai.letta.code.transport.local.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A lineage finds the processes that carry its marker, detached or re-parented, and only those. */
class ProcessLineageTest {

    @Test
    void findsMarkedProcessesEvenDetachedAndNotOthers() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc")), "needs /proc");
        ProcessLineage lineage = new ProcessLineage();
        ProcessLineage other = new ProcessLineage();
        Process marked = start(lineage.mark(Map.of("PATH", System.getenv("PATH"))));
        Process unmarked = start(other.mark(Map.of("PATH", System.getenv("PATH"))));
        try {
            assertThat(lineage.members()).extracting(ProcessHandle::pid).contains(marked.pid())
                    .doesNotContain(unmarked.pid(), ProcessHandle.current().pid());
            assertThat(lineage.mark(Map.of())).containsKey(ProcessLineage.VARIABLE);
        } finally {
            marked.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            unmarked.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        assertThat(lineage.members()).isEmpty();
    }

    private static Process start(Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("setsid", "sleep", "30");
        builder.environment().clear();
        builder.environment().putAll(env);
        return builder.start();
    }
}

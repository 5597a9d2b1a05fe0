package ai.letta.code.testkit.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The leak check behind {@link NoLeftoverProcesses}: it sees a stray child, kills it and names it. */
class ProcessLeakCheckTest {

    @Test
    void strayChildIsReportedByCommandLineAndKilled() throws Exception {
        Set<ProcessHandle> baseline = ProcessLeakCheck.snapshot();
        // A deliberate leak: nothing in this test stops it, so the check must.
        Process stray = new ProcessBuilder("sleep", "117").start();

        assertThatThrownBy(() -> ProcessLeakCheck.assertNoLeftovers(baseline, Duration.ofMillis(200), "probe"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("probe left ")
                .hasMessageContaining("process(es) running (now killed)")
                .hasMessageContaining("pid " + stray.pid())
                .hasMessageContaining("sleep 117");
        assertThat(stray.waitFor(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void processesFromBeforeTheBaselineAreIgnored() throws Exception {
        Process older = new ProcessBuilder("sleep", "118").start();
        try {
            Set<ProcessHandle> baseline = ProcessLeakCheck.snapshot();
            ProcessLeakCheck.assertNoLeftovers(baseline, Duration.ofMillis(100), "probe");
            assertThat(older.isAlive()).isTrue();
        } finally {
            older.destroyForcibly().waitFor();
        }
    }

    @Test
    void childThatExitsWithinTheSettleTimeIsNotALeak() throws Exception {
        Set<ProcessHandle> baseline = ProcessLeakCheck.snapshot();
        new ProcessBuilder("sleep", "0.3").start();
        assertThat(ProcessLeakCheck.leftovers(baseline, Duration.ofSeconds(5))).isEmpty();
    }
}

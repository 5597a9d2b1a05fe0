package ai.letta.code.testkit.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * The fault matrix's table: one line per scenario run, appended to {@code target/fault-matrix.tsv} of the module
 * under test (or the file named by the system property {@code letta.faults.report}), as
 * {@code fault \t peer \t bound \t outcome \t ms to outcome \t ms to baseline}. Timings are recorded, never asserted:
 * the bound is enforced by the bounded waits of the scenario itself.
 */
public final class FaultReport {

    private static final Object LOCK = new Object();

    private FaultReport() {
    }

    /**
     * @param fault the scenario, e.g. {@code peer crash mid-turn}
     * @param peer the transport and peer, e.g. {@code local (RealCliContractIT)}
     * @param bound the stated bound the scenario waited at most
     * @param outcome what the SDK ended in, e.g. {@code Result ERROR stream_closed}
     * @param toOutcomeMs from the fault to the outcome
     * @param toBaselineMs from close to the baseline restored
     */
    public static void record(String fault, String peer, Duration bound, String outcome, long toOutcomeMs,
            long toBaselineMs) {
        Path file = Path.of(System.getProperty("letta.faults.report", "target/fault-matrix.tsv"));
        String line = String.join("\t", fault, peer, bound.toMillis() + " ms", outcome, Long.toString(toOutcomeMs),
                Long.toString(toBaselineMs)) + System.lineSeparator();
        synchronized (LOCK) {
            try {
                if (file.getParent() != null) {
                    Files.createDirectories(file.getParent());
                }
                Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("could not write the fault report " + file, e);
            }
        }
    }
}

package ai.letta.code.testkit.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;

/**
 * The fault matrix's table: one line per scenario run, written to {@code target/fault-matrix.tsv} of the module
 * under test (afresh in each test JVM) (or the file named by the system property {@code letta.faults.report}), as
 * {@code fault \t peer \t bound \t outcome \t ms to outcome \t ms to baseline \t what closing still held}. Timings are recorded, never asserted:
 * the bound is enforced by the bounded waits of the scenario itself.
 */
public final class FaultReport {

    private static final Object LOCK = new Object();
    /** The first row of a JVM starts the file afresh: the table is this run's. */
    private static boolean started;

    private FaultReport() {
    }

    /**
     * @param fault the scenario, e.g. {@code peer crash mid-turn}
     * @param peer the transport and peer, e.g. {@code local (RealCliContractIT)}
     * @param bound the stated bound the scenario waited at most
     * @param outcome what the SDK ended in, e.g. {@code Result ERROR stream_closed}
     * @param toOutcomeMs from the fault to the outcome
     * @param toBaselineMs from close to the baseline restored
     * @param waitedFor what was still held right after close
     */
    public static void record(String fault, String peer, Duration bound, String outcome, long toOutcomeMs,
            long toBaselineMs, List<String> waitedFor) {
        Path file = Path.of(System.getProperty("letta.faults.report", "target/fault-matrix.tsv"));
        String line = String.join("\t", fault, peer, bound.toMillis() + " ms", outcome, Long.toString(toOutcomeMs),
                Long.toString(toBaselineMs), String.valueOf(waitedFor)) + System.lineSeparator();
        synchronized (LOCK) {
            try {
                if (file.getParent() != null) {
                    Files.createDirectories(file.getParent());
                }
                Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        started ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
                started = true;
            } catch (IOException e) {
                throw new UncheckedIOException("could not write the fault report " + file, e);
            }
        }
    }
}

package ai.letta.code.testkit.peer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One series of measured turn times for the round-trip harnesses, printed as median, min, p90 and max. Not for
 * tests: numbers go to reports, never into assertions.
 */
public final class TurnTimings {

    private final String name;
    private final List<Long> micros = new ArrayList<>();

    /** @param name what the series measures, as the report names it */
    public TurnTimings(String name) {
        this.name = name;
    }

    /** @param startNanos when the turn began ({@link System#nanoTime()}); records the time since */
    public void since(long startNanos) {
        micros.add((System.nanoTime() - startNanos) / 1_000);
    }

    /** @return one line: median, min, p90, max in ms, then each value in order */
    public String report() {
        long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return name + ": no turns";
        }
        double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
        return String.format(Locale.ROOT, "%s ms: median %.1f, min %.1f, p90 %.1f, max %.1f (n=%d) %s", name,
                median / 1000.0, sorted[0] / 1000.0, sorted[(int) Math.ceil(sorted.length * 0.9) - 1] / 1000.0,
                sorted[sorted.length - 1] / 1000.0, sorted.length,
                Arrays.toString(micros.stream().map(m -> String.format(Locale.ROOT, "%.1f", m / 1000.0)).toArray()));
    }
}

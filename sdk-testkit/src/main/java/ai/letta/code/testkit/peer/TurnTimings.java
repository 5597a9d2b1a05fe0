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

    /** @param micros one measured value in microseconds, e.g. a figure read back from a child process */
    public void add(long micros) {
        this.micros.add(micros);
    }

    /** @return what the series measures */
    public String name() {
        return name;
    }

    /** @return how many values it holds */
    public int count() {
        return micros.size();
    }

    /** @return the median in ms (the mean of the middle two for an even count), or NaN without values */
    public double medianMillis() {
        long[] sorted = sorted();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return (sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0) / 1000.0;
    }

    /** @return the 90th percentile in ms (nearest rank), or NaN without values */
    public double p90Millis() {
        long[] sorted = sorted();
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.ceil(sorted.length * 0.9) - 1] / 1000.0;
    }

    private long[] sorted() {
        return micros.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /** @return one line: median, min, p90, max in ms, then each value in order */
    public String report() {
        long[] sorted = sorted();
        if (sorted.length == 0) {
            return name + ": no turns";
        }
        return String.format(Locale.ROOT, "%s ms: median %.1f, min %.1f, p90 %.1f, max %.1f (n=%d) %s", name,
                medianMillis(), sorted[0] / 1000.0, p90Millis(),
                sorted[sorted.length - 1] / 1000.0, sorted.length,
                Arrays.toString(micros.stream().map(m -> String.format(Locale.ROOT, "%.1f", m / 1000.0)).toArray()));
    }
}

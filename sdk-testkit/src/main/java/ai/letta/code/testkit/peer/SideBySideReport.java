package ai.letta.code.testkit.peer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The figures of a side-by-side benchmark run: per operation, one {@link TurnTimings} series per side (a raw driver
 * first, then each SDK variant), printed as a Markdown table of medians and p90s with each SDK side's median
 * difference to the first side. Rows keep the order of their first use. Not for tests: numbers go to the README,
 * never into assertions. Not thread-safe: a harness measures on one thread.
 */
public final class SideBySideReport {

    private final List<String> sides;
    private final Map<String, Map<String, TurnTimings>> rows = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    /** @param sides the column names, the baseline (the raw driver) first */
    public SideBySideReport(List<String> sides) {
        if (sides.isEmpty()) {
            throw new IllegalArgumentException("sides must name at least the baseline");
        }
        this.sides = List.copyOf(sides);
    }

    /**
     * @param operation the row, e.g. {@code "first turn"}
     * @param side one of the sides
     * @return the series of that cell, created on first use
     */
    public TurnTimings series(String operation, String side) {
        if (!sides.contains(side)) {
            throw new IllegalArgumentException("unknown side " + side + "; the sides are " + sides);
        }
        return rows.computeIfAbsent(Objects.requireNonNull(operation, "operation"), o -> new LinkedHashMap<>())
                .computeIfAbsent(side, s -> new TurnTimings(operation + " [" + s + "]"));
    }

    /** @param line a figure that is no timing (memory, versions), printed under the table */
    public void note(String line) {
        notes.add(line);
    }

    /** @return the Markdown table: per side median / p90 in ms and n, then each later side's median minus the first's */
    public String table() {
        StringBuilder out = new StringBuilder("| operation |");
        StringBuilder rule = new StringBuilder("|---|");
        for (String side : sides) {
            out.append(' ').append(side).append(" median / p90 ms (n) |");
            rule.append("---|");
        }
        for (String side : sides.subList(1, sides.size())) {
            out.append(' ').append(side).append(" - ").append(sides.get(0)).append(" (median) |");
            rule.append("---|");
        }
        out.append('\n').append(rule).append('\n');
        rows.forEach((operation, cells) -> {
            out.append("| ").append(operation).append(" |");
            for (String side : sides) {
                TurnTimings t = cells.get(side);
                out.append(t == null || t.count() == 0 ? " - |" : String.format(Locale.ROOT, " %.1f / %.1f (%d) |",
                        t.medianMillis(), t.p90Millis(), t.count()));
            }
            TurnTimings base = cells.get(sides.get(0));
            for (String side : sides.subList(1, sides.size())) {
                TurnTimings t = cells.get(side);
                out.append(base == null || t == null || base.count() == 0 || t.count() == 0 ? " - |"
                        : String.format(Locale.ROOT, " %+.1f |", t.medianMillis() - base.medianMillis()));
            }
            out.append('\n');
        });
        notes.forEach(n -> out.append('\n').append(n));
        return out.toString();
    }

    /** @return every series on its own line, each value in measured order */
    public String details() {
        StringBuilder out = new StringBuilder();
        rows.values().forEach(cells -> cells.values().forEach(t -> out.append(t.report()).append('\n')));
        return out.toString();
    }
}

package ai.letta.code.core.spi;

import ai.letta.code.internal.Checks;
import java.util.ArrayDeque;

/**
 * The last lines a peer printed on one stream (a CLI's stderr, a test peer's stdout), kept for failure messages.
 * Bounded twice: by line count and by the length kept of each line (a single tool result can be megabytes).
 *
 * <p>Thread-safe: a pump thread adds while any thread renders.
 */
public final class LineTail {

    private final int maxLines;
    private final int maxLineChars;
    private final ArrayDeque<String> lines = new ArrayDeque<>();
    private long dropped;

    /**
     * @param maxLines the most lines kept (the oldest go first)
     * @param maxLineChars the most characters kept of a line; a longer one ends in {@code …}
     */
    public LineTail(int maxLines, int maxLineChars) {
        this.maxLines = Checks.requirePositive(maxLines, "LineTail.maxLines");
        this.maxLineChars = Checks.requirePositive(maxLineChars, "LineTail.maxLineChars");
    }

    /** @param line a line as printed, without its line break */
    public synchronized void add(String line) {
        if (lines.size() == maxLines) {
            lines.removeFirst();
            dropped++;
        }
        lines.addLast(line.length() <= maxLineChars ? line : line.substring(0, maxLineChars) + "…");
    }

    /** @return whether no line was kept */
    public synchronized boolean isEmpty() {
        return lines.isEmpty();
    }

    /**
     * @param indent put before each line
     * @return the kept lines, one per line, after a {@code (N earlier lines dropped)} line when some were; an empty
     *     string when none was kept
     */
    public synchronized String text(String indent) {
        StringBuilder text = new StringBuilder();
        if (dropped > 0) {
            text.append(indent).append('(').append(dropped).append(" earlier lines dropped)\n");
        }
        lines.forEach(l -> text.append(indent).append(l).append('\n'));
        return text.isEmpty() ? "" : text.substring(0, text.length() - 1);
    }
}

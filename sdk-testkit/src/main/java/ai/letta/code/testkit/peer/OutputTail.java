package ai.letta.code.testkit.peer;

import java.util.ArrayDeque;
import java.util.List;

/**
 * The last lines a peer printed on one stream, kept for failure messages. Bounded twice: by line count and by the
 * length kept of each line (a single tool result can be megabytes). Thread-safe: a pump thread adds while a test
 * thread reads.
 */
final class OutputTail {

    private final int maxLines;
    private final int maxLineChars;
    private final ArrayDeque<String> lines = new ArrayDeque<>();
    private long dropped;

    OutputTail(int maxLines, int maxLineChars) {
        if (maxLines < 1 || maxLineChars < 16) {
            throw new IllegalArgumentException("maxLines must be >= 1 and maxLineChars >= 16, got " + maxLines
                    + " and " + maxLineChars);
        }
        this.maxLines = maxLines;
        this.maxLineChars = maxLineChars;
    }

    synchronized void add(String line) {
        if (lines.size() == maxLines) {
            lines.removeFirst();
            dropped++;
        }
        lines.addLast(line.length() <= maxLineChars
                ? line
                : line.substring(0, maxLineChars) + "... (" + line.length() + " chars)");
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** The kept lines, indented for a failure message; "(empty)" when nothing was printed. */
    synchronized String render() {
        if (lines.isEmpty()) {
            return "    (empty)";
        }
        StringBuilder text = new StringBuilder();
        if (dropped > 0) {
            text.append("    ... ").append(dropped).append(" earlier lines dropped\n");
        }
        lines.forEach(line -> text.append("    ").append(line).append('\n'));
        return text.substring(0, text.length() - 1);
    }
}

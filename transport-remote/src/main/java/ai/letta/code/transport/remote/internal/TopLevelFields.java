package ai.letta.code.transport.remote.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The top-level fields of a frame read in one pass ({@link RuntimeEventReader}): the text of each string or null
 * field, and the names of the others (numbers, booleans, objects, arrays), whose text the frame's tree gives. The last
 * of duplicate names counts, as in a tree. Not thread-safe while filled; immutable once its frame is built.
 */
final class TopLevelFields {

    /** Marks a field whose value is no string or null (compared by identity). */
    private static final String IN_TREE = new String("(in tree)");

    private final List<String> pairs = new ArrayList<>(16);

    /**
     * @param name a field
     * @param text its string value, or {@code null} for JSON null
     */
    void text(String name, String text) {
        pairs.add(name);
        pairs.add(text);
    }

    /** @param name a field whose value only the tree can render */
    void inTree(String name) {
        text(name, IN_TREE);
    }

    /**
     * @param name a field
     * @return whether the frame has it
     */
    boolean has(String name) {
        return find(name) >= 0;
    }

    /**
     * @param name a field the frame has
     * @return whether its text must come from the tree
     */
    boolean needsTree(String name) {
        int at = find(name);
        return at >= 0 && pairs.get(at + 1) == IN_TREE;
    }

    /**
     * @param name a field the frame has, as a string or null
     * @return its text
     */
    String text(String name) {
        int at = find(name);
        return at < 0 ? null : pairs.get(at + 1);
    }

    private int find(String name) {
        for (int i = pairs.size() - 2; i >= 0; i -= 2) {
            if (pairs.get(i).equals(name)) {
                return i;
            }
        }
        return -1;
    }
}

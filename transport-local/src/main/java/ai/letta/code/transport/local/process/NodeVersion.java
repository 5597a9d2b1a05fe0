package ai.letta.code.transport.local.process;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Node.js version as {@code node --version} prints it ({@code v22.23.3}).
 *
 * @param major major version
 * @param minor minor version
 * @param patch patch version
 */
public record NodeVersion(int major, int minor, int patch) implements Comparable<NodeVersion> {

    /** What the pinned CLI declares in {@code engines.node} (0.30 and later). */
    static final NodeVersion REQUIRED = new NodeVersion(22, 19, 0);

    private static final Pattern FORMAT = Pattern.compile("v?(\\d+)\\.(\\d+)\\.(\\d+)");

    /**
     * @param text output of {@code node --version}
     * @return the version, if the text holds one
     */
    static Optional<NodeVersion> parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.strip());
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new NodeVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3))));
    }

    boolean satisfies(NodeVersion required) {
        return compareTo(required) >= 0;
    }

    @Override
    public int compareTo(NodeVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        return c != 0 ? c : Integer.compare(patch, o.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}

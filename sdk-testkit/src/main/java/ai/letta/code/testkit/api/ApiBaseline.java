package ai.letta.code.testkit.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The recorded public API of each published module ({@code api/<artifactId>.txt} at the project root, written by
 * {@link ApiSignatures}) and the check that the compiled API still matches it. A change to the API is a decision:
 * it shows as a diff of that file in the commit that makes it.
 *
 * <p>To accept an intended change, rerun the failing test with {@code -Dletta.api.update=true} and commit the file.
 */
public final class ApiBaseline {
    /** The system property naming the baseline directory (the parent pom sets it to the root's {@code api/}). */
    public static final String DIRECTORY_PROPERTY = "letta.api.dir";

    private ApiBaseline() {}

    /**
     * Fails when the module's API differs from its baseline (or rewrites the baseline in update mode).
     *
     * @param artifactId the module's artifactId, naming the baseline file
     * @param anchor a class of the module
     * @param packages its API packages ({@code ..} suffix: with subpackages)
     * @throws AssertionError naming what was added and removed, and how to accept it
     */
    public static void check(String artifactId, Class<?> anchor, String... packages) {
        String dir = System.getProperty(DIRECTORY_PROPERTY);
        if (dir == null) {
            throw new AssertionError("system property " + DIRECTORY_PROPERTY + " is not set: run the test through"
                    + " Maven (the parent pom sets it)");
        }
        Path file = Path.of(dir, artifactId + ".txt");
        List<String> actual = ApiSignatures.of(anchor, List.of(packages));
        try {
            if (Boolean.getBoolean("letta.api.update")) {
                Files.createDirectories(file.getParent());
                Files.write(file, actual);
                return;
            }
            if (!Files.exists(file)) {
                throw new AssertionError("no API baseline " + file + "; create it with -Dletta.api.update=true");
            }
            List<String> recorded = Files.readAllLines(file);
            if (!recorded.equals(actual)) {
                throw new AssertionError(describe(file, recorded, actual));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(Path file, List<String> recorded, List<String> actual) {
        Set<String> removed = new LinkedHashSet<>(recorded);
        removed.removeAll(actual);
        Set<String> added = new LinkedHashSet<>(actual);
        added.removeAll(recorded);
        List<String> lines = new ArrayList<>();
        lines.add("the public API differs from " + file + " (a line is a type, an indented line a member):");
        removed.forEach(line -> lines.add("- " + line.strip()));
        added.forEach(line -> lines.add("+ " + line.strip()));
        if (removed.isEmpty() && added.isEmpty()) {
            lines.add("(same lines, different order: the types or members moved)");
        }
        lines.add("If the change is intended, rerun with -Dletta.api.update=true and commit the file.");
        return String.join("\n", lines);
    }
}

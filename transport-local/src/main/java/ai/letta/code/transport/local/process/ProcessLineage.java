package ai.letta.code.transport.local.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Finds every process a CLI started, even after the CLI died: each CLI gets a marker in its environment, which its
 * tools and their children inherit, and {@code /proc/<pid>/environ} shows it. Neither the parent chain nor a
 * process group serves: the CLI starts its tools detached (in sessions of their own), and when it dies they are
 * re-parented away from it. Without {@code /proc} (macOS) nothing is found and only the descendants seen while the
 * CLI lived are ended.
 */
final class ProcessLineage {

    /** The variable that carries the marker. */
    static final String VARIABLE = "LETTA_CODE_JAVA_LINEAGE";
    private static final Path PROC = Path.of("/proc");

    private final String marker = UUID.randomUUID().toString();
    private final byte[] entry = (VARIABLE + "=" + marker).getBytes(StandardCharsets.UTF_8);

    /**
     * @param env the CLI's environment
     * @return a copy with this lineage's marker
     */
    Map<String, String> mark(Map<String, String> env) {
        Map<String, String> marked = new HashMap<>(env);
        marked.put(VARIABLE, marker);
        return marked;
    }

    /** @return the live processes whose environment carries this lineage's marker; empty without {@code /proc} */
    List<ProcessHandle> members() {
        if (!Files.isDirectory(PROC)) {
            return List.of();
        }
        List<ProcessHandle> members = new ArrayList<>();
        try (Stream<Path> entries = Files.list(PROC)) {
            entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(this::carriesMarker)
                    .forEach(p -> ProcessHandle.of(Long.parseLong(p.getFileName().toString())).ifPresent(members::add));
        } catch (IOException e) {
            return List.of();
        }
        return members;
    }

    private boolean carriesMarker(Path procEntry) {
        byte[] environ;
        try {
            environ = Files.readAllBytes(procEntry.resolve("environ"));
        } catch (IOException | RuntimeException e) {
            return false; // gone meanwhile, or another user's
        }
        // NUL-separated NAME=value entries; compare whole entries.
        int start = 0;
        for (int i = 0; i <= environ.length; i++) {
            if (i == environ.length || environ[i] == 0) {
                if (i - start == entry.length && java.util.Arrays.equals(environ, start, i, entry, 0, entry.length)) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }
}

package ai.letta.code.testkit.peer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The temporary folders one peer instance owns: a fresh {@code HOME} (all CLI state lives under
 * {@code ~/.letta}), a working directory unless the caller supplied one, and a place for secrets such as a token
 * file. Deleted on close unless kept for debugging.
 */
final class ScratchDirs {

    private final Path root;
    private final Path home;
    private final Path workDir;
    private final Path secrets;

    private ScratchDirs(Path root, Path workDir) {
        this.root = root;
        this.home = root.resolve("home");
        this.workDir = workDir;
        this.secrets = root.resolve("secrets");
    }

    /** Creates the folders; {@code workDir} null means a fresh one under the scratch root. */
    static ScratchDirs create(String prefix, Path workDir) {
        try {
            Path root = Files.createTempDirectory(prefix);
            ScratchDirs dirs = new ScratchDirs(root, workDir != null ? workDir : root.resolve("work"));
            Files.createDirectories(dirs.home);
            Files.createDirectories(dirs.workDir);
            Files.createDirectories(dirs.secrets);
            return dirs;
        } catch (IOException e) {
            throw new UncheckedIOException("could not create scratch folders for a peer", e);
        }
    }

    Path root() {
        return root;
    }

    Path home() {
        return home;
    }

    Path workDir() {
        return workDir;
    }

    Path secrets() {
        return secrets;
    }

    /** Best-effort recursive delete of the scratch root (a supplied work dir lives elsewhere and is kept). */
    void delete() {
        for (int attempt = 0; attempt < 2 && Files.exists(root); attempt++) {
            try (Stream<Path> paths = Files.walk(root)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                // A file vanished while walking (git in memfs tidying up); the second attempt catches the rest.
            }
        }
    }
}

package ai.letta.code.transport.local;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * The project's pinned Node and CLI, as {@code sdk-testkit/peers/provision} records them in
 * {@code .peers/installed.properties} (keys {@code node}, {@code cli}). The same lookup as the testkit's
 * {@code PeerInstall}, mirrored here because production code must not depend on the testkit: the system property
 * {@value #DIR_PROPERTY}, the environment variable {@value #DIR_ENV}, then {@code .peers} in the working directory
 * and each of its parents.
 *
 * @param stamp the {@code installed.properties} file
 * @param node the pinned {@code node}, or {@code null} if the file names none
 * @param cli the pinned {@code letta.js}, or {@code null} if the file names none
 */
record PinnedInstall(Path stamp, Path node, Path cli) {

    static final String DIR_PROPERTY = "letta.peers.dir";
    static final String DIR_ENV = "LETTA_PEERS_DIR";
    static final String STAMP_FILE = "installed.properties";

    /**
     * @param properties system properties
     * @param env environment variables
     * @param cwd where the upward search starts
     * @param tried receives each place looked at, for the error message
     * @return the first install found
     */
    static Optional<PinnedInstall> find(UnaryOperator<String> properties, UnaryOperator<String> env, Path cwd,
            List<String> tried) {
        for (String dir : new String[] {properties.apply(DIR_PROPERTY), env.apply(DIR_ENV)}) {
            if (dir != null && !dir.isBlank()) {
                Optional<PinnedInstall> found = read(Path.of(dir).resolve(STAMP_FILE), tried);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        for (Path dir = cwd.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path stamp = dir.resolve(".peers").resolve(STAMP_FILE);
            if (Files.isRegularFile(stamp)) {
                Optional<PinnedInstall> found = read(stamp, tried);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        tried.add("pinned install: no .peers/" + STAMP_FILE + " in -D" + DIR_PROPERTY + ", $" + DIR_ENV + " or "
                + cwd.toAbsolutePath().normalize() + " and its parents");
        return Optional.empty();
    }

    private static Optional<PinnedInstall> read(Path stamp, List<String> tried) {
        if (!Files.isRegularFile(stamp)) {
            tried.add("pinned install: " + stamp + " does not exist");
            return Optional.empty();
        }
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(stamp, StandardCharsets.UTF_8)) {
            props.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            tried.add("pinned install: " + stamp + " is unreadable (" + e.getMessage() + ")");
            return Optional.empty();
        }
        return Optional.of(new PinnedInstall(stamp, path(props, "node"), path(props, "cli")));
    }

    private static Path path(Properties props, String key) {
        String value = props.getProperty(key);
        return value == null || value.isBlank() ? null : Path.of(value.strip());
    }
}

package ai.letta.code.testkit.peer;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * Where the pinned Node and Letta Code CLI live, as recorded by {@code sdk-testkit/peers/provision} in
 * {@code installed.properties} (keys {@code node}, {@code cli}, {@code node.version}, {@code cli.version}).
 *
 * <p>{@link #locate()} looks, in order, at the system property {@value #DIR_PROPERTY} (Maven's surefire sets it),
 * the environment variable {@value #DIR_ENV}, then {@code .peers/installed.properties} in the working directory and
 * each of its parents. The first place holding a usable install wins; when none does, a
 * {@link PeerNotInstalledException} lists every place tried and the command that fixes it.
 *
 * @param directory the install folder holding {@code installed.properties}
 * @param node the pinned {@code node} binary
 * @param cli the CLI's {@code letta.js}
 * @param nodeVersion the Node version the install recorded, e.g. {@code 22.23.3}
 * @param cliVersion the CLI version the install recorded, e.g. {@code 0.32.18}
 */
public record PeerInstall(Path directory, Path node, Path cli, String nodeVersion, String cliVersion) {

    /** System property naming the install folder. */
    public static final String DIR_PROPERTY = "letta.peers.dir";
    /** Environment variable naming the install folder. */
    public static final String DIR_ENV = "LETTA_PEERS_DIR";
    /** The stamp file the provision script writes last, so its presence means a complete install. */
    public static final String STAMP_FILE = "installed.properties";

    /**
     * Validates.
     *
     * @param directory the install folder holding {@code installed.properties}
     * @param node the pinned {@code node} binary
     * @param cli the CLI's {@code letta.js}
     * @param nodeVersion the Node version the install recorded, e.g. {@code 22.23.3}
     * @param cliVersion the CLI version the install recorded, e.g. {@code 0.32.18}
     */
    public PeerInstall {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(cli, "cli");
        Objects.requireNonNull(nodeVersion, "nodeVersion");
        Objects.requireNonNull(cliVersion, "cliVersion");
    }

    /**
     * Finds the pinned install from the system property, the environment, or the working directory upwards.
     *
     * @throws PeerNotInstalledException naming every place tried when none holds a usable install
     * @return the install
     */
    public static PeerInstall locate() {
        return locate(System::getProperty, System::getenv, Path.of("").toAbsolutePath());
    }

    /**
     * Reads the install in {@code directory}.
     *
     * @param directory the install folder
     * @throws PeerNotInstalledException when the folder holds no usable install
     * @return the install
     */
    public static PeerInstall at(Path directory) {
        List<String> tried = new ArrayList<>();
        PeerInstall install = tryDirectory(directory, "given folder", tried);
        if (install == null) {
            throw new PeerNotInstalledException(tried);
        }
        return install;
    }

    /** The lookup of {@link #locate()} with its inputs passed in, so tests need not touch the real environment. */
    static PeerInstall locate(UnaryOperator<String> systemProperties, UnaryOperator<String> environment, Path cwd) {
        List<String> tried = new ArrayList<>();
        String property = systemProperties.apply(DIR_PROPERTY);
        if (isSet(property)) {
            PeerInstall found = tryDirectory(Path.of(property), "system property " + DIR_PROPERTY, tried);
            if (found != null) {
                return found;
            }
        } else {
            tried.add("system property " + DIR_PROPERTY + ": not set");
        }
        String env = environment.apply(DIR_ENV);
        if (isSet(env)) {
            PeerInstall found = tryDirectory(Path.of(env), "environment variable " + DIR_ENV, tried);
            if (found != null) {
                return found;
            }
        } else {
            tried.add("environment variable " + DIR_ENV + ": not set");
        }
        for (Path dir = cwd.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(".peers");
            if (Files.isRegularFile(candidate.resolve(STAMP_FILE))) {
                PeerInstall found = tryDirectory(candidate, "working directory upwards", tried);
                if (found != null) {
                    return found;
                }
            } else {
                tried.add("working directory upwards: " + candidate.resolve(STAMP_FILE) + " does not exist");
            }
        }
        throw new PeerNotInstalledException(tried);
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    /** Returns the install in {@code dir}, or records why it does not qualify and returns null. */
    private static PeerInstall tryDirectory(Path dir, String source, List<String> tried) {
        Path stamp = dir.toAbsolutePath().normalize().resolve(STAMP_FILE);
        String where = source + ": " + stamp;
        if (!Files.isRegularFile(stamp)) {
            tried.add(where + " does not exist");
            return null;
        }
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(stamp, StandardCharsets.UTF_8)) {
            props.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            tried.add(where + " is unreadable (" + e.getMessage() + ")");
            return null;
        }
        List<String> missing = new ArrayList<>();
        for (String key : List.of("node", "cli", "node.version", "cli.version")) {
            if (!isSet(props.getProperty(key))) {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            tried.add(where + " lacks the keys " + missing);
            return null;
        }
        Path node = Path.of(props.getProperty("node").trim());
        Path cli = Path.of(props.getProperty("cli").trim());
        if (!Files.isExecutable(node)) {
            tried.add(where + " names node " + node + ", which is not an executable file");
            return null;
        }
        if (!Files.isRegularFile(cli)) {
            tried.add(where + " names cli " + cli + ", which does not exist");
            return null;
        }
        return new PeerInstall(stamp.getParent(), node, cli, props.getProperty("node.version").trim(),
                props.getProperty("cli.version").trim());
    }
}

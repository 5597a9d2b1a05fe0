package ai.letta.code.transport.local.install;

import ai.letta.code.api.exception.CliNotFoundException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * The user's own install of the pinned Node and Letta Code CLI, in
 * {@code $XDG_CACHE_HOME/letta-code-java/<node-version>-<cli-version>} (default {@code ~/.cache/...}).
 * {@link #install()} fetches them with the user's {@code npm} (any version), verifies them and only then writes the
 * stamp file {@link #installed()} looks for, so a half install is never used. Safe when several threads or JVMs
 * install at once: one installs, the others wait and find it done.
 *
 * <p>Used by {@code LocalOptions.builder().installPeers()} and by {@link InstallPeers}, the command users run once.
 */
public final class PeerCache {

    /** The stamp file, written last. */
    static final String STAMP = "installed.properties";
    private static final System.Logger LOG = System.getLogger(PeerCache.class.getPackageName());
    private static final Duration LOCK_WAIT = Duration.ofMinutes(15);

    private final Path directory;
    private final PeerPins pins;
    private final Map<String, String> env;
    private final Consumer<String> progress;
    private final Duration lockWait;

    PeerCache(Path root, PeerPins pins, Map<String, String> env, Consumer<String> progress, Duration lockWait) {
        this.directory = root.toAbsolutePath().normalize().resolve(pins.folderName());
        this.pins = pins;
        this.env = Map.copyOf(env);
        this.progress = progress;
        this.lockWait = lockWait;
    }

    /** @return the cache under {@code $XDG_CACHE_HOME/letta-code-java}, else {@code ~/.cache/letta-code-java} */
    public static PeerCache forUser() {
        return at(userCacheRoot(System.getenv(), System.getProperty("user.home")));
    }

    /**
     * @param root the folder that holds one sub-folder per pair of pinned versions
     * @return a cache there, reporting progress to the {@code System.Logger} of this package at INFO
     */
    public static PeerCache at(Path root) {
        Objects.requireNonNull(root, "root");
        return new PeerCache(root, PeerPins.shipped(), System.getenv(),
                line -> LOG.log(System.Logger.Level.INFO, line), LOCK_WAIT);
    }

    static Path userCacheRoot(Map<String, String> env, String userHome) {
        String xdg = env.get("XDG_CACHE_HOME");
        // The XDG spec ignores a relative value: it would name a folder under whatever directory the JVM runs in.
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : Path.of(userHome, ".cache");
        return base.resolve("letta-code-java");
    }

    /**
     * @param sink receives one line per install step, with the elapsed time
     * @return a cache like this one reporting there instead
     */
    public PeerCache withProgress(Consumer<String> sink) {
        return new PeerCache(directory.getParent(), pins, env, Objects.requireNonNull(sink, "sink"), lockWait);
    }

    /** @return the folder this pair of versions is installed in */
    public Path directory() {
        return directory;
    }

    /** @return the pinned Node version the CLI is installed with, e.g. {@code 22.23.3} */
    public static String pinnedNodeVersion() {
        return PeerPins.shipped().nodeVersion();
    }

    /** @return the pinned Letta Code CLI version, e.g. {@code 0.32.18} */
    public static String pinnedCliVersion() {
        return PeerPins.shipped().cliVersion();
    }

    /** @return the completed, verified install, if there is one */
    public Optional<InstalledPeers> installed() {
        Path stamp = directory.resolve(STAMP);
        if (!Files.isRegularFile(stamp)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(stamp)) {
            p.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        String node = p.getProperty("node");
        String cli = p.getProperty("cli");
        if (node == null || cli == null || !pins.nodeVersion().equals(p.getProperty("node.version"))
                || !pins.cliVersion().equals(p.getProperty("cli.version"))) {
            return Optional.empty();
        }
        InstalledPeers peers = new InstalledPeers(Path.of(node), Path.of(cli));
        return Files.isRegularFile(peers.node()) && Files.isRegularFile(peers.cli()) ? Optional.of(peers)
                : Optional.empty();
    }

    /**
     * Installs the pinned Node and CLI unless they already are (then returns at once).
     *
     * @return the verified install
     * @throws CliNotFoundException if {@code npm} is missing, a step fails or times out, or the install does not
     *     verify; the message says which step and shows its output
     * @throws UnsupportedOperationException on a platform without a pinned Node package
     */
    public InstalledPeers install() {
        Optional<InstalledPeers> done = installed();
        if (done.isPresent()) {
            return done.get();
        }
        String nodePackage = NodePlatform.current();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + directory, e);
        }
        try (InstallLock lock = InstallLock.acquire(directory.resolve("install.lock"), lockWait)) {
            done = installed(); // another JVM or thread may have finished while this one waited
            if (done.isPresent()) {
                progress.accept("Node " + pins.nodeVersion() + " and the Letta Code CLI " + pins.cliVersion()
                        + " were installed meanwhile in " + directory);
                return done.get();
            }
            Path npm = npm();
            return new PeerInstallSteps(directory, pins, nodePackage, npm, new CommandRunner(npmEnv(npm)),
                    progress).run();
        }
    }

    /** npm is a Node script: its own Node must be on the PATH it runs with, whatever the JVM's PATH is. */
    private Map<String, String> npmEnv(Path npm) {
        Map<String, String> e = new HashMap<>(env);
        String path = e.getOrDefault("PATH", "");
        e.put("PATH", npm.getParent() + (path.isEmpty() ? "" : File.pathSeparator + path));
        e.put("NO_UPDATE_NOTIFIER", "1");
        return e;
    }

    private Path npm() {
        String path = env.get("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (dir.isBlank() || !Path.of(dir).isAbsolute()) {
                    continue; // a relative entry means the working directory: not a place the user named
                }
                Path candidate = Path.of(dir, "npm");
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        throw new CliNotFoundException("Installing Node " + pins.nodeVersion() + " and the Letta Code CLI "
                + pins.cliVersion() + " needs npm (any version) on PATH, reaching the npm registry; none is on PATH ("
                + path + "). Install Node.js/npm, or install the CLI yourself and set LETTA_CLI_PATH.");
    }

    /**
     * A verified install.
     *
     * @param node the pinned {@code node} binary
     * @param cli the CLI's entry point, {@code letta.js}
     */
    public record InstalledPeers(Path node, Path cli) {}
}

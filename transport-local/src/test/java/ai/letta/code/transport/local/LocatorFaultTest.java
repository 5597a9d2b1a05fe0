package ai.letta.code.transport.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.backend.LocalOptions;
import ai.letta.code.api.exception.CliNotFoundException;
import ai.letta.code.transport.local.install.PeerCache;
import ai.letta.code.transport.local.process.CliLocator;
import ai.letta.code.transport.local.process.ProcessLauncher;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding Node and the CLI: only where the user said (options, {@code LETTA_CLI_PATH}, {@code PATH}), in that order;
 * never a program planted near the working directory; every failure names the places tried and what the user can do.
 */
class LocatorFaultTest {

    @TempDir
    Path dir;

    private CliLocator locator(Map<String, String> env) {
        return new CliLocator(env::get, cache());
    }

    private PeerCache cache() {
        return PeerCache.at(dir.resolve("cache"));
    }

    @Test
    void aMissingNodeListsThePlacesTriedAndTheFix() {
        LocalOptions options = LocalOptions.builder().cliPath(FakeCli.script()).build();
        assertThatThrownBy(() -> locator(Map.of("PATH", dir.toString())).locate(options))
                .isInstanceOf(CliNotFoundException.class)
                .hasMessageContaining("Node was not found")
                .hasMessageContaining("PATH: no executable 'node' in " + dir)
                .hasMessageContaining(".nodePath(node)");
    }

    @Test
    void anExplicitNodePathThatDoesNotExistIsNamed() {
        LocalOptions options = LocalOptions.builder().cliPath(FakeCli.script()).nodePath(dir.resolve("nope"))
                .build();
        assertThatThrownBy(() -> locator(Map.of()).locate(options))
                .isInstanceOf(CliNotFoundException.class)
                .hasMessageContaining("LocalOptions.nodePath: " + dir.resolve("nope") + " does not exist");
    }

    @Test
    void aNodeThatIsTooOldIsRejectedWithItsVersion() throws Exception {
        Path node = fakeNode(dir.resolve("node"), "20.20.2");
        LocalOptions options = LocalOptions.builder().cliPath(FakeCli.script()).nodePath(node).build();
        assertThatThrownBy(() -> locator(Map.of()).locate(options))
                .isInstanceOf(CliNotFoundException.class)
                .hasMessageContaining(node + " is Node 20.20.2")
                .hasMessageContaining("needs Node >= 22.19.0");
    }

    @Test
    void aMissingCliNamesEveryPlaceTriedAndWhatTheUserCanDoNothingOfThisRepository() {
        Map<String, String> env = Map.of("LETTA_CLI_PATH", dir.resolve("gone.js").toString(), "PATH",
                dir.toString());
        assertThatThrownBy(() -> locator(env).locate(LocalOptions.builder().build()))
                .isInstanceOf(CliNotFoundException.class)
                .hasMessageContaining("The Letta Code CLI (letta.js) was not found")
                .hasMessageContaining("$LETTA_CLI_PATH: " + dir.resolve("gone.js") + " does not exist")
                .hasMessageContaining("PATH: no executable 'letta'")
                .hasMessageContaining("LocalOptions.builder().cliPath(letta.js)")
                .hasMessageContaining("set LETTA_CLI_PATH")
                .hasMessageContaining("on PATH")
                .hasMessageContaining("Node >= 22.19.0")
                .hasMessageContaining("cache: " + cache().directory() + " has no completed install")
                .hasMessageContaining("java -cp <your classpath> ai.letta.code.transport.local.install.InstallPeers")
                .hasMessageContaining("LocalOptions.builder().installPeers()")
                .hasMessageContaining("pinned Node " + PeerCache.pinnedNodeVersion())
                .hasMessageNotContaining("provision")
                .hasMessageNotContaining(".peers")
                .hasMessageNotContaining("sdk-testkit");
    }

    /**
     * Binary planting (issue 12 item 6): an install record in the directory the locator would have walked up from
     * (and in its parent), the environment variable and the relative {@code PATH} entry the old lookup honoured, all
     * naming a {@code node} that leaves a marker when run. None of it is used, and the marker never appears.
     */
    @Test
    void aPlantedInstallNearTheWorkingDirectoryIsNeverRun() throws Exception {
        Path marker = dir.resolve("planted-node-ran");
        Path work = Files.createDirectories(dir.resolve("checkout/work"));
        Path peers = plant(work.resolve(".peers"), marker);
        plant(dir.resolve("checkout/.peers"), marker);
        Path plantedBin = Files.createDirectories(dir.resolve("planted-bin"));
        plantedProgram(plantedBin.resolve("node"), marker);
        plantedProgram(plantedBin.resolve("letta"), marker);
        Path emptyBin = Files.createDirectories(dir.resolve("empty-bin"));
        String relativeBin = Path.of("").toAbsolutePath().relativize(plantedBin).toString();
        Map<String, String> env = Map.of("PATH", "." + File.pathSeparator + relativeBin + File.pathSeparator + emptyBin,
                "LETTA_PEERS_DIR", peers.toString());
        LocalOptions options = LocalOptions.builder().workingDirectory(work).build();

        assertThatThrownBy(() -> locator(env).locate(options))
                .isInstanceOf(CliNotFoundException.class)
                .hasMessageContaining("The Letta Code CLI (letta.js) was not found")
                .hasMessageNotContaining(work.toString());
        LocalTransport transport = new LocalTransport(options, locator(env), env, work,
                ProcessLauncher.commonsExec());
        assertThatThrownBy(transport::launch).isInstanceOf(CliNotFoundException.class);
        // With a CLI the user named, Node still comes only from PATH's absolute entries.
        LocalOptions withCli = LocalOptions.builder().cliPath(FakeCli.script()).workingDirectory(work).build();
        assertThatThrownBy(() -> locator(env).locate(withCli))
                .isInstanceOf(CliNotFoundException.class)
                .hasMessageContaining("Node was not found");

        assertThat(marker).doesNotExist();
    }

    @Test
    void theOptionsWinOverLettaCliPathWhichWinsOverPath() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path onPath = fakeCli(bin.resolve("letta"));
        fakeNode(bin.resolve("node"), "22.23.3");
        Path fromEnv = fakeCli(dir.resolve("env-letta.js"));
        Map<String, String> all = Map.of("LETTA_CLI_PATH", fromEnv.toString(), "PATH", bin.toString());

        assertThat(locator(all).locate(LocalOptions.builder().cliPath(FakeCli.script()).build()).cli())
                .isEqualTo(FakeCli.script());
        assertThat(locator(all).locate(LocalOptions.builder().build()).cli()).isEqualTo(fromEnv);
        assertThat(locator(Map.of("PATH", bin.toString())).locate(LocalOptions.builder().build()).cli())
                .isEqualTo(onPath.toRealPath());
    }

    @Test
    void theCacheComesAfterLettaCliPathAndBeforePathAndBringsItsOwnNode() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        fakeCli(bin.resolve("letta"));
        fakeNode(bin.resolve("node"), "22.20.0");
        Path fromEnv = fakeCli(dir.resolve("env-letta.js"));
        Path cachedCli = fakeCli(Files.createDirectories(cache().directory().resolve("cli/package")).resolve("letta.js"));
        Path cachedNode = fakeNode(cache().directory().resolve("node"), PeerCache.pinnedNodeVersion());
        Files.writeString(cache().directory().resolve("installed.properties"), "node=" + cachedNode + "\ncli="
                + cachedCli + "\nnode.version=" + PeerCache.pinnedNodeVersion() + "\ncli.version="
                + PeerCache.pinnedCliVersion() + "\n");

        CliLocator.CliInstallation fromCache = locator(Map.of("PATH", bin.toString()))
                .locate(LocalOptions.builder().build());
        assertThat(fromCache.cli()).isEqualTo(cachedCli);
        assertThat(fromCache.node()).isEqualTo(cachedNode);
        assertThat(locator(Map.of("LETTA_CLI_PATH", fromEnv.toString(), "PATH", bin.toString()))
                .locate(LocalOptions.builder().build()).cli()).isEqualTo(fromEnv);
    }

    @Test
    void theNodePathOptionWinsOverPath() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path onPath = fakeNode(bin.resolve("node"), "22.23.3");
        Path explicit = fakeNode(dir.resolve("my-node"), "22.20.0");
        Map<String, String> env = Map.of("PATH", bin.toString());
        LocalOptions.Builder options = LocalOptions.builder().cliPath(FakeCli.script());

        CliLocator.CliInstallation chosen = locator(env).locate(options.nodePath(explicit).build());
        assertThat(chosen.node()).isEqualTo(explicit);
        assertThat(chosen.nodeVersion().toString()).isEqualTo("22.20.0");
        CliLocator.CliInstallation fromPath = locator(env).locate(LocalOptions.builder().cliPath(FakeCli.script())
                .build());
        assertThat(fromPath.node()).isEqualTo(onPath);
        assertThat(fromPath.nodeVersion().toString()).isEqualTo("22.23.3");
    }

    /** An install record as the project's provisioning writes it, naming planted programs. */
    private static Path plant(Path peers, Path marker) throws IOException {
        Files.createDirectories(peers);
        Path node = plantedProgram(peers.resolve("node"), marker);
        Path cli = Files.writeString(peers.resolve("letta.js"), "require('fs').writeFileSync('" + marker + "', '')\n");
        Files.writeString(peers.resolve("installed.properties"), "node=" + node + "\ncli=" + cli
                + "\nnode.version=22.23.3\ncli.version=0.32.18\n");
        return peers;
    }

    /** A program that leaves {@code marker} and passes for a recent Node. */
    private static Path plantedProgram(Path file, Path marker) throws IOException {
        return executable(file, "#!/bin/sh\ntouch '" + marker + "'\necho v22.23.3\n");
    }

    private static Path fakeNode(Path file, String version) throws IOException {
        return executable(file, "#!/bin/sh\necho v" + version + "\n");
    }

    private static Path fakeCli(Path file) throws IOException {
        return executable(file, "#!/usr/bin/env node\n");
    }

    private static Path executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}

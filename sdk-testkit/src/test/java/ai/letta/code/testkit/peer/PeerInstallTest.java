package ai.letta.code.testkit.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Locating the pinned install: property, then environment, then the working directory upwards. */
class PeerInstallTest {

    @TempDir
    Path tmp;

    private Path fakeInstall(Path dir) throws IOException {
        Path node = Files.createDirectories(dir.resolve("node/bin")).resolve("node");
        Files.writeString(node, "#!/bin/sh\n");
        Files.setPosixFilePermissions(node, PosixFilePermissions.fromString("rwx------"));
        Path cli = Files.createDirectories(dir.resolve("cli/package")).resolve("letta.js");
        Files.writeString(cli, "");
        Files.writeString(dir.resolve(PeerInstall.STAMP_FILE), "node=" + node + "\ncli=" + cli
                + "\nnode.version=22.23.3\ncli.version=0.32.18\n");
        return dir;
    }

    @Test
    void systemPropertyWinsOverEnvironmentAndWorkingDirectory() throws IOException {
        Path byProperty = fakeInstall(tmp.resolve("prop"));
        Path byEnv = fakeInstall(tmp.resolve("env"));
        PeerInstall install = PeerInstall.locate(Map.of(PeerInstall.DIR_PROPERTY, byProperty.toString())::get,
                Map.of(PeerInstall.DIR_ENV, byEnv.toString())::get, tmp);
        assertThat(install.directory()).isEqualTo(byProperty);
        assertThat(install.node()).isEqualTo(byProperty.resolve("node/bin/node"));
        assertThat(install.cli()).isEqualTo(byProperty.resolve("cli/package/letta.js"));
        assertThat(install.nodeVersion()).isEqualTo("22.23.3");
        assertThat(install.cliVersion()).isEqualTo("0.32.18");
    }

    @Test
    void environmentIsUsedWhenThePropertyIsUnset() throws IOException {
        Path byEnv = fakeInstall(tmp.resolve("env"));
        PeerInstall install = PeerInstall.locate(name -> null, Map.of(PeerInstall.DIR_ENV, byEnv.toString())::get,
                tmp);
        assertThat(install.directory()).isEqualTo(byEnv);
    }

    @Test
    void workingDirectoryParentsAreSearchedForDotPeers() throws IOException {
        fakeInstall(tmp.resolve("repo/.peers"));
        Path module = Files.createDirectories(tmp.resolve("repo/sdk-testkit/target"));
        PeerInstall install = PeerInstall.locate(name -> null, name -> null, module);
        assertThat(install.directory()).isEqualTo(tmp.resolve("repo/.peers"));
    }

    @Test
    void missingInstallNamesEveryPlaceTriedAndTheFix() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertThatThrownBy(() -> PeerInstall.locate(Map.of(PeerInstall.DIR_PROPERTY, empty.toString())::get,
                name -> null, tmp))
                .isInstanceOf(PeerNotInstalledException.class)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("system property letta.peers.dir: " + empty.resolve("installed.properties")
                        + " does not exist")
                .hasMessageContaining("environment variable LETTA_PEERS_DIR: not set")
                .hasMessageContaining(tmp.resolve(".peers/installed.properties") + " does not exist")
                .hasMessageContaining("bash sdk-testkit/peers/provision");
    }

    @Test
    void stampWithoutAnExecutableNodeDoesNotQualify() throws IOException {
        Path dir = fakeInstall(tmp.resolve("broken"));
        Files.delete(dir.resolve("node/bin/node"));
        PeerNotInstalledException error = (PeerNotInstalledException) org.assertj.core.api.Assertions
                .catchThrowable(() -> PeerInstall.at(dir));
        assertThat(error.placesTried()).singleElement().asString().contains("which is not an executable file");
    }

    @Test
    void theBuildsOwnInstallIsFound() {
        PeerInstall install = PeerInstall.locate();
        assertThat(install.node()).isExecutable();
        assertThat(install.cli()).isRegularFile();
    }
}

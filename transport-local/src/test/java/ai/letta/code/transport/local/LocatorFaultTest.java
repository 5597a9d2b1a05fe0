package ai.letta.code.transport.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.backend.LocalOptions;
import ai.letta.code.api.exception.CliNotFoundException;
import ai.letta.code.testkit.peer.PeerInstall;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding Node and the CLI: every failure names the places tried, the version found and the fix. */
class LocatorFaultTest {

    @TempDir
    Path dir;

    private CliLocator locator(Map<String, String> env) {
        return new CliLocator(env::get, k -> null, dir);
    }

    @Test
    void aMissingNodeListsThePlacesTriedAndTheProvisioningCommand() {
        LocalOptions options = LocalOptions.builder().cliPath(FakeCli.script()).build();
        assertThatThrownBy(() -> locator(Map.of("PATH", dir.toString())).locate(options))
                .isInstanceOf(CliNotFoundException.class)
                .hasMessageContaining("Node was not found")
                .hasMessageContaining("PATH: no executable 'node' in " + dir)
                .hasMessageContaining("bash sdk-testkit/peers/provision");
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
        Path node = dir.resolve("node");
        Files.writeString(node, "#!/bin/sh\necho v20.20.2\n");
        Files.setPosixFilePermissions(node, PosixFilePermissions.fromString("rwxr-xr-x"));
        LocalOptions options = LocalOptions.builder().cliPath(FakeCli.script()).nodePath(node).build();
        assertThatThrownBy(() -> locator(Map.of()).locate(options))
                .isInstanceOf(CliNotFoundException.class)
                .hasMessageContaining(node + " is Node 20.20.2")
                .hasMessageContaining("needs Node >= 22.19.0");
    }

    @Test
    void aMissingCliNamesEveryPlaceTried() {
        Map<String, String> env = Map.of("LETTA_CLI_PATH", dir.resolve("gone.js").toString(), "PATH",
                dir.toString());
        assertThatThrownBy(() -> locator(env).locate(LocalOptions.builder().build()))
                .isInstanceOf(CliNotFoundException.class)
                .hasMessageContaining("The Letta Code CLI (letta.js) was not found")
                .hasMessageContaining("$LETTA_CLI_PATH: " + dir.resolve("gone.js") + " does not exist")
                .hasMessageContaining("pinned install")
                .hasMessageContaining("PATH: no executable 'letta'");
    }

    @Test
    void thePinnedInstallIsFoundFromTheSystemProperty() {
        PeerInstall pinned = PeerInstall.locate();
        CliLocator locator = new CliLocator(k -> null,
                k -> PinnedInstall.DIR_PROPERTY.equals(k) ? pinned.directory().toString() : null, dir);
        CliLocator.CliInstallation found = locator.locate(LocalOptions.builder().build());
        assertThat(found.node()).isEqualTo(pinned.node());
        assertThat(found.cli()).isEqualTo(pinned.cli());
        assertThat(found.nodeVersion().toString()).isEqualTo(pinned.nodeVersion());
    }

    @Test
    void letaCliPathWinsOverThePinnedInstall() {
        PeerInstall pinned = PeerInstall.locate();
        CliLocator locator = new CliLocator(
                Map.of("LETTA_CLI_PATH", FakeCli.script().toString())::get,
                k -> PinnedInstall.DIR_PROPERTY.equals(k) ? pinned.directory().toString() : null, dir);
        assertThat(locator.locate(LocalOptions.builder().build()).cli()).isEqualTo(FakeCli.script());
    }
}

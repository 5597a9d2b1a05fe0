package ai.letta.code.testkit.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the OpenAPI document and the Prism install, without starting Prism. */
class PrismMockTest {

    @TempDir
    Path tmp;

    /** A repository root with the marker file, its module folder, and a {@code shared/spec} folder beside it. */
    private Path repository() throws IOException {
        Path root = tmp.resolve("checkout");
        Files.createDirectories(root.resolve("sdk-testkit/peers"));
        Files.writeString(root.resolve("sdk-testkit/peers/versions.properties"), "prism.version=5.16.0\n");
        Files.createDirectories(root.resolve("transport-cloud"));
        return root;
    }

    @Test
    void theDocumentIsFoundBesideTheRepositoryRootFromAModuleFolder() throws IOException {
        Path root = repository();
        Path spec = Files.createDirectories(tmp.resolve("shared/spec")).resolve("letta-openapi.json");
        Files.writeString(spec, "{}");

        assertThat(PrismMock.repositoryRoot(root.resolve("transport-cloud"))).isEqualTo(root);
        assertThat(PrismMock.lettaSpec(Map.<String, String>of()::get, root.resolve("transport-cloud")))
                .hasValue(spec);
    }

    @Test
    void theSystemPropertyWinsAndAMissingFileIsAbsent() throws IOException {
        Path root = repository();
        Path elsewhere = Files.writeString(tmp.resolve("other.json"), "{}");
        Map<String, String> property = Map.of(PrismMock.SPEC_PROPERTY, elsewhere.toString());

        assertThat(PrismMock.lettaSpec(property::get, root)).hasValue(elsewhere);
        Map<String, String> missing = Map.of(PrismMock.SPEC_PROPERTY, tmp.resolve("nope.json").toString());
        assertThat(PrismMock.lettaSpec(missing::get, root)).isEmpty();
        assertThat(PrismMock.describeSpecLookup(missing::get, root)).contains("nope.json", "not a file");
    }

    @Test
    void withoutTheSharedFolderTheLookupSaysWhereItLooked() throws IOException {
        Path root = repository();

        assertThat(PrismMock.lettaSpec(Map.<String, String>of()::get, root)).isEmpty();
        assertThat(PrismMock.describeSpecLookup(Map.<String, String>of()::get, root))
                .contains(tmp.resolve("shared/spec/letta-openapi.json").toString(), "does not exist");
        assertThat(PrismMock.describeSpecLookup(Map.<String, String>of()::get, tmp))
                .contains("no repository root");
    }

    @Test
    void anInstallFromBeforeThePrismPinSaysToProvisionAgain() throws IOException {
        Files.writeString(tmp.resolve(PeerInstall.STAMP_FILE), "node=/x/node\ncli=/x/letta.js\n");
        PeerInstall old = new PeerInstall(tmp, tmp.resolve("node"), tmp.resolve("letta.js"), "22.23.3", "0.32.18");

        assertThatThrownBy(() -> PrismMock.prismScript(old)).isInstanceOf(PeerNotInstalledException.class)
                .hasMessageContaining("has no 'prism' key").hasMessageContaining(PeerNotInstalledException.FIX);
    }

    @Test
    void aDynamicProxyIsRefused() {
        PeerInstall any = new PeerInstall(tmp, tmp.resolve("node"), tmp.resolve("letta.js"), "22.23.3", "0.32.18");

        assertThatThrownBy(() -> PrismMock.builder(any, tmp.resolve("spec.json"),
                java.net.URI.create("http://127.0.0.1:1")).dynamic(true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mock option");
        assertThatThrownBy(() -> PrismMock.builder(any, tmp.resolve("spec.json"),
                java.net.URI.create("ftp://127.0.0.1:1"))).isInstanceOf(IllegalArgumentException.class);
    }
}

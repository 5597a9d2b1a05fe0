package ai.letta.code.testkit.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The provider record matches what {@code letta connect openai-compatible} writes (offline-peers.md §4.2). */
class LocalProviderRecordTest {

    @TempDir
    Path home;

    @Test
    void openAiCompatibleRecordLandsUnderTheLocalBackendProvidersFolder() throws Exception {
        Path file = LocalProviderRecord.writeOpenAiCompatible(home, URI.create("http://127.0.0.1:4321/v1"), "x");

        assertThat(file).isEqualTo(home.resolve(".letta/lc-local-backend/providers/auth.json"));
        JsonNode record = WsTestClient.JSON.readTree(Files.readString(file));
        assertThat(record).isEqualTo(WsTestClient.JSON.readTree("{\"version\":1,\"providers\":{\"openai-compatible\":"
                + "{\"id\":\"local-provider-openai-compatible\",\"name\":\"openai-compatible\","
                + "\"provider_type\":\"openai-compatible\",\"provider_category\":\"byok\","
                + "\"auth\":{\"type\":\"api\",\"key\":\"x\"},\"base_url\":\"http://127.0.0.1:4321/v1\"}}}"));
    }

    @Test
    void openAiCompatibleBackendWritesTheRecordIntoTheFreshHome() {
        PeerBackend backend = PeerBackend.openAiCompatible(URI.create("http://127.0.0.1:9/v1"));
        backend.prepareHome(home);
        assertThat(LocalProviderRecord.path(home)).isRegularFile();
        assertThat(backend.stdioArgs()).containsExactly("--backend", "local");
        assertThat(backend.env(false)).isEmpty();
        assertThat(backend.env(true)).containsEntry("LETTA_LOCAL_BACKEND_EXPERIMENTAL", "1");
    }

    @Test
    void apiBackendNeverShowsItsKey() {
        PeerBackend backend = PeerBackend.api(URI.create("http://127.0.0.1:9"), "secret-key");
        assertThat(backend.toString()).doesNotContain("secret-key");
        assertThat(backend.env(false)).containsEntry("LETTA_API_KEY", "secret-key");
        assertThat(backend.stdioArgs()).containsExactly("--no-memfs", "--reflection-trigger", "off");
    }
}

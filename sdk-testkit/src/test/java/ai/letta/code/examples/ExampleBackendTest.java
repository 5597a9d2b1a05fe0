package ai.letta.code.examples;

import static org.assertj.core.api.Assertions.assertThat;

import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.backend.RemoteOptions;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExampleBackendTest {

    @Test
    void anAppServerUrlMeansRemoteEvenWithAnApiKey() {
        var backend = ExampleBackend.fromEnvironment(Map.of("LETTA_APP_SERVER_URL", "http://127.0.0.1:4600",
                "LETTA_API_KEY", "sk-example"));

        assertThat(backend.kind()).isEqualTo(BackendKind.REMOTE);
        assertThat(((RemoteOptions) backend).url()).isEqualTo(URI.create("http://127.0.0.1:4600"));
    }

    @Test
    void anApiKeyMeansCloud() {
        assertThat(ExampleBackend.fromEnvironment(Map.of("LETTA_API_KEY", "sk-example")).kind())
                .isEqualTo(BackendKind.CLOUD);
    }

    @Test
    void nothingSetOrBlankMeansTheLocalCli() {
        assertThat(ExampleBackend.fromEnvironment(Map.of()).kind()).isEqualTo(BackendKind.LOCAL);
        assertThat(ExampleBackend.fromEnvironment(Map.of("LETTA_APP_SERVER_URL", " ", "LETTA_API_KEY", "")).kind())
                .isEqualTo(BackendKind.LOCAL);
    }
}

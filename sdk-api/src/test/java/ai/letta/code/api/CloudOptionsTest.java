package ai.letta.code.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.backend.CloudOptions;
import ai.letta.code.api.backend.ExecutionTarget;
import ai.letta.code.api.exception.ConfigurationException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CloudOptionsTest {

    private static final String KEY = "sk-let-SENTINEL-42";

    @Test
    void theKeyComesFromLettaApiKeyThenLettaCloudApiKeyAndItsAbsenceIsNamed() {
        assertThat(CloudOptions.fromEnvironment(Map.of("LETTA_API_KEY", KEY)).build().apiKey().reveal())
                .isEqualTo(KEY);
        assertThat(CloudOptions.fromEnvironment(Map.of("LETTA_CLOUD_API_KEY", KEY,
                "LETTA_BASE_URL", "http://127.0.0.1:8080")).build())
                .satisfies(o -> assertThat(o.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:8080")));
        assertThatThrownBy(() -> CloudOptions.fromEnvironment(Map.of("LETTA_API_KEY", " ")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("LETTA_API_KEY");
    }

    @Test
    void defaultsMatchLettaCloudAndAManagedSandbox() {
        CloudOptions options = CloudOptions.builder(KEY).build();
        assertThat(options.baseUrl()).isEqualTo(URI.create("https://api.letta.com"));
        assertThat(options.pingInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.webSocketAuth()).isEqualTo(CloudOptions.WebSocketAuth.HEADER);
        assertThat(options.target()).isInstanceOfSatisfying(ExecutionTarget.ManagedSandbox.class, s -> {
            assertThat(s.ttlMinutes()).isEqualTo(5);
            assertThat(s.refreshInterval()).isEqualTo(Duration.ofMinutes(4));
            assertThat(s.terminateOnClose()).isFalse();
        });
    }

    @Test
    void badValuesAreRefusedNamingTheField() {
        CloudOptions.Builder builder = CloudOptions.builder(KEY);
        assertThatThrownBy(() -> builder.baseUrl(URI.create("ftp://x")).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("CloudOptions.baseUrl");
        assertThatThrownBy(() -> CloudOptions.builder(KEY).baseUrl(URI.create("https://me:" + KEY + "@x.test")).build())
                .isInstanceOf(ConfigurationException.class).hasMessageNotContaining(KEY)
                .hasMessageContaining("credentials");
        assertThatThrownBy(() -> CloudOptions.builder(KEY).header("Authorization", "Bearer x"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("apiKey");
        assertThatThrownBy(() -> CloudOptions.builder(KEY).header("X-Bad", "a\r\nInjected: 1"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("line break");
        assertThatThrownBy(() -> CloudOptions.builder(KEY).header("bad header", "v"))
                .isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> CloudOptions.builder(" "))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("CloudOptions.apiKey");
    }

    @Test
    void sandboxSettingsAreChecked() {
        assertThatThrownBy(() -> ExecutionTarget.sandbox().withTtl(Duration.ofMinutes(61)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("1 to 60");
        assertThatThrownBy(() -> ExecutionTarget.sandbox().withTtl(Duration.ofSeconds(90)))
                .isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> ExecutionTarget.sandbox().withRefreshInterval(Duration.ofMinutes(5)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("shorter than its ttl");
        assertThat(ExecutionTarget.sandbox().withTtl(Duration.ofMinutes(30)).refreshInterval())
                .isEqualTo(Duration.ofMinutes(24));
        assertThatThrownBy(() -> ExecutionTarget.environment(" "))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("Environment.value");
    }

    @Test
    void toStringShowsNeitherTheKeyNorHeaderValues() {
        CloudOptions options = CloudOptions.builder(KEY).header("X-Project", "secret-project-" + KEY).build();
        assertThat(options.toString()).doesNotContain(KEY).contains("X-Project").contains("****");
    }
}

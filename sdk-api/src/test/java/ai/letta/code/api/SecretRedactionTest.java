package ai.letta.code.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.backend.Backend;
import ai.letta.code.api.backend.CliBackend;
import ai.letta.code.api.backend.CloudOptions;
import ai.letta.code.api.backend.LocalOptions;
import ai.letta.code.api.backend.RemoteOptions;
import ai.letta.code.api.exception.ConfigurationException;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretRedactionTest {
    private static final String KEY = "sk-very-secret-123";

    @Test
    void optionsNeverPrintTheirSecrets() {
        CloudOptions cloud = Backend.cloud(KEY);
        RemoteOptions remote = Backend.remote(URI.create("wss://user:" + KEY + "@host:4500/ws?token=" + KEY), KEY);
        LocalOptions local = LocalOptions.builder()
                .cliBackend(CliBackend.lettaApi(URI.create("https://user:" + KEY + "@api.letta.com/v1?token=" + KEY),
                        KEY))
                .env("OPENAI_API_KEY", KEY).build();
        SessionOptions session = SessionOptions.builder().env("TOKEN", KEY).build();

        assertThat(cloud.toString()).doesNotContain(KEY).contains("****");
        assertThat(remote.toString()).doesNotContain(KEY).contains("wss://host:4500/ws");
        assertThat(local.toString()).doesNotContain(KEY).contains("OPENAI_API_KEY", "https://api.letta.com/v1");
        assertThat(session.toString()).doesNotContain(KEY).contains("TOKEN");
        assertThat(cloud.apiKey().reveal()).isEqualTo(KEY);
    }

    /** Issue 12 item 5: the URL was printed whole in a ConfigurationException. */
    @Test
    void aRefusedUrlIsQuotedWithoutItsCredentials() {
        assertThatThrownBy(() -> RemoteOptions.builder().url(URI.create("ftp://user:" + KEY + "@host/x?token=" + KEY))
                .build()).isInstanceOf(ConfigurationException.class).hasMessageNotContaining(KEY)
                .hasMessageContaining("ftp://host/x");
        assertThatThrownBy(() -> CliBackend.lettaApi(URI.create("ftp://user:" + KEY + "@host/x"), KEY))
                .isInstanceOf(ConfigurationException.class).hasMessageNotContaining(KEY);
    }

    @Test
    void remoteOptionsReadTheEnvironment() {
        RemoteOptions options = RemoteOptions.fromEnvironment(
                Map.of("LETTA_APP_SERVER_URL", "ws://10.0.0.1:9000", "LETTA_APP_SERVER_TOKEN", KEY)).build();
        assertThat(options.url()).isEqualTo(URI.create("ws://10.0.0.1:9000"));
        assertThat(options.authToken()).hasValueSatisfying(t -> assertThat(t.reveal()).isEqualTo(KEY));
    }
}

package ai.letta.code.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.letta.code.api.backend.Backend;
import ai.letta.code.api.backend.CliBackend;
import ai.letta.code.api.backend.CloudOptions;
import ai.letta.code.api.backend.LocalOptions;
import ai.letta.code.api.backend.RemoteOptions;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretRedactionTest {
    private static final String KEY = "sk-very-secret-123";

    @Test
    void optionsNeverPrintTheirSecrets() {
        CloudOptions cloud = Backend.cloud(KEY);
        RemoteOptions remote = Backend.remote(URI.create("http://127.0.0.1:4500"), KEY);
        LocalOptions local = LocalOptions.builder()
                .cliBackend(CliBackend.lettaApi(URI.create("https://user:" + KEY + "@api.letta.com/v1?token=" + KEY),
                        KEY))
                .env("OPENAI_API_KEY", KEY).build();
        SessionOptions session = SessionOptions.builder().env("TOKEN", KEY).build();

        assertThat(cloud.toString()).doesNotContain(KEY).contains("****");
        assertThat(remote.toString()).doesNotContain(KEY);
        assertThat(local.toString()).doesNotContain(KEY).contains("OPENAI_API_KEY", "https://api.letta.com/v1");
        assertThat(session.toString()).doesNotContain(KEY).contains("TOKEN");
        assertThat(cloud.apiKey().reveal()).isEqualTo(KEY);
    }

    @Test
    void remoteOptionsReadTheEnvironment() {
        RemoteOptions options = RemoteOptions.fromEnvironment(
                Map.of("LETTA_APP_SERVER_URL", "ws://10.0.0.1:9000", "LETTA_APP_SERVER_TOKEN", KEY)).build();
        assertThat(options.url()).isEqualTo(URI.create("ws://10.0.0.1:9000"));
        assertThat(options.authToken()).hasValueSatisfying(t -> assertThat(t.reveal()).isEqualTo(KEY));
    }
}

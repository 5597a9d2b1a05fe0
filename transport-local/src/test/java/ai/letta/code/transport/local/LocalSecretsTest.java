package ai.letta.code.transport.local;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.api.backend.CliBackend;
import ai.letta.code.api.backend.LocalOptions;
import ai.letta.code.api.exception.LettaCodeException;
import ai.letta.code.core.LettaCode;
import ai.letta.code.testkit.peer.NoLeftoverProcesses;
import ai.letta.code.testkit.secrets.LogCapture;
import ai.letta.code.testkit.secrets.Sentinels;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A sentinel in every secret slot of the local backend, and a CLI that prints its whole environment and an
 * {@code Authorization} header to stderr before it dies: no sentinel reaches the logs (all levels), an option's
 * {@code toString()}, the exception chain or its diagnostic tail (issue 12 item 5).
 */
@ExtendWith(NoLeftoverProcesses.class)
class LocalSecretsTest {

    @Test
    void aCliThatEchoesItsEnvironmentLeaksNoSecret() {
        LocalOptions options = FakeCli.options("echo-env")
                .cliBackend(CliBackend.lettaApi(URI.create("https://u:" + Sentinels.URL_PASSWORD + "@api.example"),
                        Sentinels.API_KEY))
                .env("OPENAI_API_KEY", Sentinels.ENV_VALUE)
                .env("GITHUB_TOKEN", Sentinels.TOKEN)
                .build();
        try (LogCapture logs = LogCapture.start()) {
            try (LettaCodeClient client = LettaCode.create(options)) {
                Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(client::createSession);

                assertThatThrownBy(() -> { throw thrown; }).isInstanceOf(LettaCodeException.class)
                        .hasMessageContaining("exited");
                Sentinels.assertAbsent("the open's exception", thrown);
                Sentinels.assertAbsent("LocalOptions.toString()", options.toString());
            }
            Sentinels.assertAbsent("the logs", logs.text());
        }
    }
}

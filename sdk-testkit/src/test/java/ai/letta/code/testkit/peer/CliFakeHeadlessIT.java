package ai.letta.code.testkit.peer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** Smoke test of the CLI's built-in {@code --dev-backend fake-headless} (local-stdio.md §5.2). */
@ExtendWith(NoLeftoverProcesses.class)
class CliFakeHeadlessIT {

    @Test
    void fakeHeadlessBackendAnswersPong() {
        LettaCodeCli launcher = LettaCodeCli.builder().backend(PeerBackend.fakeHeadless()).build();
        assertThat(launcher.command()).containsSequence("--backend", "local", "--dev-backend", "fake-headless")
                .containsSequence("--permission-mode", "standard");
        try (CliProcess cli = launcher.start()) {
            JsonNode init = cli.awaitJson(JsonMatch.type("system", "init"), StdioLines.STARTUP);
            assertThat(init.path("model").asString()).isEqualTo("dev/fake-headless");
            assertThat(init.path("conversation_id").asString()).isEqualTo("conv-fake-headless-1");
            assertThat(init.path("memfs_enabled").asBoolean(true)).isFalse();

            cli.send(StdioLines.user("ping"));
            JsonNode assistant = cli.awaitJson(JsonMatch.message("assistant_message"), StdioLines.TURN);
            assertThat(assistant.path("content").path(0).path("text").asString()).isEqualTo("pong");
            assertThat(assistant.path("run_id").asString()).isEqualTo("run-fake-headless-1");
            JsonNode result = cli.awaitJson(JsonMatch.type("result"), StdioLines.TURN);
            assertThat(result.path("subtype").asString()).isEqualTo("success");
            assertThat(result.path("result").asString()).isEqualTo("pong");
        }
    }
}

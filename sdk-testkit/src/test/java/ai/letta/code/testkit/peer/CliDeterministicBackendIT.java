package ai.letta.code.testkit.peer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** The real CLI on its local backend with the deterministic executor: handshake, one "pong" turn, clean exit. */
@ExtendWith(NoLeftoverProcesses.class)
class CliDeterministicBackendIT {

    @Test
    void userMessageGetsPongAndSuccessResult() {
        LettaCodeCli launcher = LettaCodeCli.builder().backend(PeerBackend.deterministic()).build();
        try (CliProcess cli = launcher.start()) {
            JsonNode init = cli.awaitJson(JsonMatch.type("system", "init"), StdioLines.STARTUP);
            assertThat(init.path("agent_id").asString()).startsWith("agent-local-");
            assertThat(init.path("conversation_id").asString()).isEqualTo("local-conv-1");
            assertThat(init.path("model").asString()).isEqualTo("gpt-5.5");
            assertThat(init.path("cwd").asString()).isEqualTo(cli.workDir().toString());

            cli.send(StdioLines.user("ping"));
            JsonNode assistant = cli.awaitJson(JsonMatch.message("assistant_message"), StdioLines.TURN);
            assertThat(assistant.path("content").path(0).path("text").asString()).isEqualTo("pong");
            JsonNode result = cli.awaitJson(JsonMatch.type("result"), StdioLines.TURN);
            assertThat(result.path("subtype").asString()).isEqualTo("success");
            assertThat(result.path("result").asString()).isEqualTo("pong");
            assertThat(result.path("num_turns").asInt()).isEqualTo(1);
        }
    }

    @Test
    void stdinEofEndsTheCliWithExitCodeZero() {
        try (CliProcess cli = LettaCodeCli.builder().build().start()) {
            cli.awaitJson(JsonMatch.type("system", "init"), StdioLines.STARTUP);
            cli.closeStdin();
            cli.awaitJson(JsonMatch.type("queue_cleared"), StdioLines.TURN);
            assertThat(cli.awaitExit(StdioLines.TURN)).hasValue(0);
        }
    }

    @Test
    void eachStartGetsItsOwnHomeAndStartsAFreshAgent() {
        LettaCodeCli launcher = LettaCodeCli.builder().build();
        try (CliProcess first = launcher.start(); CliProcess second = launcher.start()) {
            JsonNode firstInit = first.awaitJson(JsonMatch.type("system", "init"), StdioLines.STARTUP);
            JsonNode secondInit = second.awaitJson(JsonMatch.type("system", "init"), StdioLines.STARTUP);
            assertThat(first.home()).isNotEqualTo(second.home());
            assertThat(firstInit.path("agent_id").asString()).isNotEqualTo(secondInit.path("agent_id").asString());
            assertThat(secondInit.path("conversation_id").asString()).isEqualTo("local-conv-1");
        }
    }
}

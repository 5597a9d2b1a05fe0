package ai.letta.code.testkit.peer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The {@code interrupt} control request against the real CLI (local-stdio.md §4.4): acknowledged with a
 * {@code control_response} carrying the request id, a no-op when idle, and latched onto a just-sent turn.
 */
@ExtendWith(NoLeftoverProcesses.class)
class CliInterruptIT {

    @Test
    void interruptWhileIdleIsAcknowledgedAndTheNextTurnStillRuns() {
        try (CliProcess cli = LettaCodeCli.builder().build().start()) {
            cli.awaitJson(JsonMatch.type("system", "init"), StdioLines.STARTUP);

            cli.send(StdioLines.interrupt("int-idle"));
            JsonNode ack = cli.awaitJson(JsonMatch.type("control_response"), StdioLines.TURN);
            assertThat(ack.path("response").path("subtype").asString()).isEqualTo("success");
            assertThat(ack.path("response").path("request_id").asString()).isEqualTo("int-idle");

            cli.send(StdioLines.user("ping"));
            JsonNode result = cli.awaitJson(JsonMatch.type("result"), StdioLines.TURN);
            assertThat(result.path("subtype").asString()).isEqualTo("success");
            assertThat(result.path("result").asString()).isEqualTo("pong");
        }
    }

    @Test
    void interruptRacingAJustSentUserMessageEndsThatTurnInterrupted() {
        try (CliProcess cli = LettaCodeCli.builder().build().start()) {
            cli.awaitJson(JsonMatch.type("system", "init"), StdioLines.STARTUP);

            // One write: the interrupt arrives before the turn starts and is latched onto it (6 of 6 runs live).
            cli.sendAll(StdioLines.user("ping"), StdioLines.interrupt("int-turn"));
            JsonNode ack = cli.awaitJson(JsonMatch.type("control_response"), StdioLines.TURN);
            assertThat(ack.path("response").path("subtype").asString()).isEqualTo("success");
            assertThat(ack.path("response").path("request_id").asString()).isEqualTo("int-turn");
            JsonNode result = cli.awaitJson(JsonMatch.type("result"), StdioLines.TURN);
            assertThat(result.path("subtype").asString()).isEqualTo("interrupted");
            assertThat(result.path("result").asString()).isEmpty();

            cli.send(StdioLines.user("ping again"));
            JsonNode next = cli.awaitJson(JsonMatch.type("result"), StdioLines.TURN);
            assertThat(next.path("subtype").asString()).isEqualTo("success");
        }
    }
}

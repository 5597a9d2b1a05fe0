package ai.letta.code.testkit.fakeapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import ai.letta.code.testkit.peer.CliProcess;
import ai.letta.code.testkit.peer.LettaCodeCli;
import ai.letta.code.testkit.peer.PeerBackend;
import ai.letta.code.testkit.script.RecordedRequest;
import ai.letta.code.testkit.script.ScriptedStdioScenarios;
import ai.letta.code.testkit.script.TurnRequest;
import ai.letta.code.testkit.script.TurnScript;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The real pinned CLI over stdio in API mode ({@code LETTA_BASE_URL}, {@code LETTA_API_KEY}) against
 * {@link FakeLettaApi} (offline-peers.md §5): the shared scenarios plus what only the Letta wire has.
 */
class FakeLettaApiCliIT extends ScriptedStdioScenarios {

    private static final String API_KEY = "sk-test-secret";

    private FakeLettaApi api;

    @Override
    protected void startFake() {
        api = FakeLettaApi.start();
    }

    @Override
    protected CliProcess startCli() {
        return LettaCodeCli.builder().backend(PeerBackend.api(api.baseUrl(), API_KEY)).permissionMode("standard")
                .args("--new-agent").build().start();
    }

    @Override
    protected void stopFake() {
        api.close();
    }

    @Override
    protected void enqueue(TurnScript script) {
        api.enqueue(script);
    }

    @Override
    protected List<TurnRequest.ToolResult> toolResultsReceived() {
        return api.turns().stream().map(TurnRequest::toolResult).flatMap(Optional::stream).toList();
    }

    @Override
    protected String setup() {
        return "API mode against FakeLettaApi";
    }

    @Test
    void cliCreatesItsAgentAndConversationInTheFakeAndSendsItsKey() {
        JsonNode init = session.transcript().get(0);
        String agentId = init.path("agent_id").asString();

        assertThat(api.agent(agentId)).hasValueSatisfying(agent -> {
            assertThat(agent.path("name").asString()).isEqualTo("Letta Code");
            assertThat(agent.path("model").asString()).isEqualTo(FakeLettaApi.DEFAULT_MODEL);
        });
        assertThat(api.conversations()).singleElement().satisfies(c -> {
            assertThat(c.path("id").asString()).isEqualTo(init.path("conversation_id").asString());
            assertThat(c.path("agent_id").asString()).isEqualTo(agentId);
        });
        RecordedRequest create = api.awaitRequest(r -> r.method().equals("POST") && r.path().equals("/v1/agents/"),
                Duration.ofSeconds(1));
        assertThat(create.header("Authorization")).hasValue("Bearer " + API_KEY);
        assertThat(create.toString()).doesNotContain(API_KEY);
        assertThat(init.path("tools").valueStream().map(JsonNode::asString)).contains("Bash");
    }

    @Test
    void inBandErrorMessageBecomesAnErrorLineAndAFailedResult() {
        api.enqueue(TurnScript.builder().reasoning("trying").error("llm_error", "the model broke", "upstream 529")
                .build());

        session.sendUser("ping");
        JsonNode result = session.awaitResult();

        JsonNode error = session.transcript().stream().filter(n -> "error".equals(n.path("type").asString()))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(error.path("message").asString()).isEqualTo("the model broke");
        assertThat(error.path("api_error").path("error_type").asString()).isEqualTo("llm_error");
        assertThat(error.path("api_error").path("detail").asString()).isEqualTo("upstream 529");
        assertThat(result.path("subtype").asString()).isEqualTo("error");
        assertThat(result.path("stop_reason").asString()).isEqualTo("llm_api_error");
    }

    @Test
    void clientErrorStatusEndsTheTurnWithItsDetailAndNoRetry() {
        api.enqueue(TurnScript.builder().httpError(400, "bad request body").build());

        session.sendUser("ping");
        JsonNode result = session.awaitResult();

        assertThat(session.turnShape()).contains("error").doesNotContain("retry");
        assertThat(session.transcript()).anySatisfy(n -> assertThat(n.path("message").asString())
                .isEqualTo("bad request body"));
        assertThat(result.path("subtype").asString()).isEqualTo("error");
        assertThat(result.path("num_turns").asInt()).isZero();
    }

    @Test
    void pendingApprovalConflictMakesTheCliRecoverAndRetryTheTurn() {
        api.enqueue(TurnScript.builder().pendingApproval().assistant("recovered").build());

        session.sendUser("ping");
        JsonNode result = session.awaitResult();

        assertThat(session.turnShape()).contains("recovery");
        assertThat(result.path("subtype").asString()).isEqualTo("success");
        assertThat(result.path("result").asString()).isEqualTo("recovered");
    }

    @Test
    void droppedStreamIsReattachedThroughTheRunStreamEndpoint() {
        api.enqueue(TurnScript.builder().reasoning("partial").dropConnection().assistant("after the drop").build());

        session.sendUser("ping");
        JsonNode result = session.awaitResult();

        RecordedRequest resume = api.awaitRequest(r -> r.path().matches("/v1/runs/[^/]+/stream"),
                Duration.ofSeconds(1));
        assertThat(resume.json().path("starting_after").asInt()).isZero();
        assertThat(result.path("subtype").asString()).isEqualTo("success");
        assertThat(result.path("result").asString()).isEqualTo("after the drop");
    }

    @Test
    void interruptDuringAStalledStreamAbortsTheRequestAtOnce() throws InterruptedException {
        api.enqueue(TurnScript.builder().reasoning("thinking, then silence").stall().build());

        session.sendUser("take your time");
        session.awaitMessage("reasoning_message");
        long start = System.nanoTime();
        session.interrupt();
        JsonNode result = session.awaitResult();
        long millis = (System.nanoTime() - start) / 1_000_000;

        // API mode drops the HTTP stream on interrupt (local-stdio.md §4.4), so a silent server cannot hold it.
        assertThat(millis).isLessThan(5_000);
        assertThat(result.path("subtype").asString()).isEqualTo("interrupted");
        assertThat(result.path("result").asString()).isEqualTo("thinking, then silence");
        // The fake learns of the abort when the socket closes, which may come just after the CLI's result line.
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (api.runs().stream().noneMatch(run -> run.path("status").asString().equals("cancelled"))) {
            assertThat(System.nanoTime()).as("a cancelled run in " + api.runs()).isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}

package ai.letta.code.testkit.fakemodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import ai.letta.code.testkit.peer.CliProcess;
import ai.letta.code.testkit.peer.JsonMatch;
import ai.letta.code.testkit.peer.LettaCodeCli;
import ai.letta.code.testkit.peer.PeerBackend;
import ai.letta.code.testkit.script.Gate;
import ai.letta.code.testkit.script.ScriptedStdioScenarios;
import ai.letta.code.testkit.script.StdioSession;
import ai.letta.code.testkit.script.TurnRequest;
import ai.letta.code.testkit.script.TurnScript;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The real pinned CLI over stdio on its own local backend ({@code --backend local -m
 * openai-compatible/fake-model}, provider record pointing at {@link FakeModelEndpoint}; offline-peers.md §4.2):
 * the shared scenarios plus what only the chat-completions wire has.
 */
class FakeModelEndpointCliIT extends ScriptedStdioScenarios {

    private static final String PERSONA = "You are Patch, a terse test agent. PERSONA-MARKER";

    private FakeModelEndpoint model;

    @Override
    protected void startFake() {
        model = FakeModelEndpoint.start();
    }

    @Override
    protected CliProcess startCli() {
        return LettaCodeCli.builder().backend(PeerBackend.openAiCompatible(model.baseUrl()))
                .model("openai-compatible/" + FakeModelEndpoint.DEFAULT_MODEL).permissionMode("standard")
                .args("--new-agent", "--system-custom", PERSONA).build().start();
    }

    @Override
    protected void stopFake() {
        model.close();
    }

    @Override
    protected void enqueue(TurnScript script) {
        model.enqueue(script);
    }

    @Override
    protected List<TurnRequest.ToolResult> toolResultsReceived() {
        return model.turns().stream().map(TurnRequest::toolResult).flatMap(Optional::stream).toList();
    }

    @Override
    protected String setup() {
        return "local backend against FakeModelEndpoint";
    }

    @Test
    void chatRequestNamesTheModelAndCarriesTheCustomSystemPromptAndTheBashTool() {
        session.sendUser("ping");
        session.awaitResult();

        TurnRequest turn = model.turns().get(0);
        assertThat(turn.model()).isEqualTo(FakeModelEndpoint.DEFAULT_MODEL);
        assertThat(turn.userText()).isEqualTo("ping");
        assertThat(turn.tool("Bash")).hasValueSatisfying(t -> assertThat(t.parameters())
                .contains("command", "description"));
        JsonNode body = model.chatRequests().get(0).json();
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("messages").path(0).path("role").asString()).isEqualTo("system");
        assertThat(body.path("messages").path(0).path("content").asString()).startsWith(PERSONA);
    }

    @Test
    void deterministicResponderCallsTheOfferedShellToolWhenAskedForATool() {
        session.sendUser("please use a tool");
        JsonNode permission = session.awaitPermissionRequest();
        session.answerPermission(permission, true, null);
        JsonNode result = session.awaitResult();

        assertThat(permission.path("request").path("input").path("command").asString())
                .isEqualTo("touch approved.txt && echo deterministic-tool-ok");
        assertThat(result.path("result").asString()).isEqualTo("tool said: deterministic-tool-ok");
    }

    @Test
    void streamErrorBecomesAnErrorLineAndAFailedResult() {
        model.enqueue(TurnScript.builder().reasoning("trying").error("server_error", "the model broke").build());

        session.sendUser("ping");
        JsonNode result = session.awaitResult();

        assertThat(session.transcript()).anySatisfy(n -> {
            assertThat(n.path("type").asString()).isEqualTo("error");
            assertThat(n.path("message").asString()).contains("the model broke");
        });
        assertThat(result.path("subtype").asString()).isEqualTo("error");
    }

    @Test
    void interruptDuringASilentProviderStreamWaitsForTheNextChunk() {
        Gate gate = new Gate();
        model.enqueue(TurnScript.builder().reasoning("thinking, then silence").awaitGate(gate)
                .assistant("late chunk").build());

        session.sendUser("take your time");
        session.awaitMessage("reasoning_message");
        session.interrupt();
        session.await(JsonMatch.type("control_response"), StdioSession.STEP);

        // The local backend acknowledges the interrupt at once but ends the turn only when the provider stream
        // yields again: a provider that stays silent holds the turn (verified against CLI 0.32.18).
        assertThatThrownBy(() -> session.await(JsonMatch.type("result"), Duration.ofSeconds(2)))
                .hasMessageContaining("waited");
        gate.open();
        JsonNode result = session.awaitResult();
        assertThat(result.path("subtype").asString()).isEqualTo("interrupted");
    }
}

package ai.letta.code.testkit.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DeterministicResponderTest {

    private static final RecordedRequest RAW = new RecordedRequest(0, Instant.EPOCH, "POST", "/x", "", Map.of(),
            Map.of(), "");
    private static final TurnRequest.ToolSchema BASH = new TurnRequest.ToolSchema("Bash",
            List.of("command", "description", "timeout"));
    private static final TurnRequest.ToolSchema EXEC = new TurnRequest.ToolSchema("exec_command",
            List.of("cmd", "description", "login"));

    private final Responder responder = Responder.deterministic();

    @Test
    void toolResultIsAnsweredWithItsFirstLine() {
        TurnScript script = responder.respond(request("", new TurnRequest.ToolResult("call_1", "ok\nmore\n", false),
                List.of(BASH)));

        assertThat(script.steps()).singleElement().satisfies(step -> {
            assertThat(step.parts()).containsExactly(new ScriptPart.AssistantText("tool said: ok"));
            assertThat(step.ending()).isEqualTo(new StepEnding.Stop("end_turn"));
        });
    }

    @Test
    void userTextMentioningToolCallsBashWithAWritingCommand() {
        TurnScript script = responder.respond(request("Please use a Tool", null, List.of(EXEC, BASH)));

        TurnScript.Step step = script.steps().get(0);
        assertThat(step.parts().get(0)).isEqualTo(new ScriptPart.Reasoning("I should run the shell tool."));
        assertThat(step.toolCalls()).singleElement().satisfies(call -> {
            assertThat(call.name()).isEqualTo("Bash");
            assertThat(call.arguments()).containsExactly(
                    Map.entry("command", "touch approved.txt && echo deterministic-tool-ok"),
                    Map.entry("description", "deterministic test command"));
        });
        assertThat(step.ending()).isEqualTo(new StepEnding.Stop("requires_approval"));
    }

    @Test
    void codexToolsetGetsExecCommandWithLoginFalse() {
        TurnScript script = Responder.deterministic("echo hi").respond(request("run a tool", null, List.of(EXEC)));

        assertThat(script.steps().get(0).toolCalls()).singleElement().satisfies(call -> {
            assertThat(call.name()).isEqualTo("exec_command");
            assertThat(call.arguments()).containsEntry("cmd", "echo hi").containsEntry("login", false);
        });
    }

    @Test
    void anythingElseIsAnsweredWithPongInTwoChunks() {
        TurnScript script = responder.respond(request("ping", null, List.of(BASH)));

        assertThat(script.steps().get(0).parts()).containsExactly(new ScriptPart.Reasoning("thinking about ping"),
                new ScriptPart.AssistantText("po"), new ScriptPart.AssistantText("ng"));
    }

    @Test
    void askingForAToolWithoutAShellToolExplainsInText() {
        TurnScript script = responder.respond(request("use a tool", null, List.of()));

        assertThat(script.steps().get(0).toolCalls()).isEmpty();
        assertThat(script.steps().get(0).parts()).contains(new ScriptPart.AssistantText("no shell tool offered"));
    }

    private static TurnRequest request(String text, TurnRequest.ToolResult result, List<TurnRequest.ToolSchema> tools) {
        return new TurnRequest("conv-1", "fake-model", text, result, tools, RAW);
    }
}

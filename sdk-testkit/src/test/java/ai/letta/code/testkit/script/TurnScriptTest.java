package ai.letta.code.testkit.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TurnScriptTest {

    @Test
    void textAfterAToolCallStartsANewStepAndTheToolStepRequiresApproval() {
        TurnScript script = TurnScript.builder().reasoning("I should run the shell tool.")
                .toolCall("Bash", Map.of("command", "ls")).assistant("tool said: ok").endTurn().build();

        assertThat(script.steps()).hasSize(2);
        TurnScript.Step first = script.steps().get(0);
        assertThat(first.parts()).hasSize(2);
        assertThat(first.ending()).isEqualTo(new StepEnding.Stop(StepEnding.REQUIRES_APPROVAL));
        assertThat(first.toolCalls()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("Bash");
            assertThat(c.id()).isNull();
        });
        assertThat(script.steps().get(1).parts()).containsExactly(new ScriptPart.AssistantText("tool said: ok"));
        assertThat(script.steps().get(1).ending()).isEqualTo(new StepEnding.Stop(StepEnding.END_TURN));
    }

    @Test
    void buildEndsAnOpenStepWithEndTurnOrRequiresApproval() {
        assertThat(TurnScript.text("hi").steps()).singleElement()
                .satisfies(s -> assertThat(s.ending()).isEqualTo(new StepEnding.Stop("end_turn")));
        assertThat(TurnScript.builder().toolCall("call_1", "Bash", Map.of()).build().steps()).singleElement()
                .satisfies(s -> assertThat(s.ending()).isEqualTo(new StepEnding.Stop("requires_approval")));
    }

    @Test
    void consecutiveToolCallsShareOneStep() {
        TurnScript script = TurnScript.builder().toolCall("Bash", Map.of("command", "a"))
                .toolCall("Bash", Map.of("command", "b")).build();

        assertThat(script.steps()).singleElement().satisfies(s -> assertThat(s.toolCalls()).hasSize(2));
    }

    @Test
    void assistantChunksStaySeparatePartsInOrder() {
        TurnScript script = TurnScript.builder().assistant("po", "ng").build();

        assertThat(script.steps().get(0).parts())
                .containsExactly(new ScriptPart.AssistantText("po"), new ScriptPart.AssistantText("ng"));
    }

    @Test
    void chunkDelayAppliesToEveryStepWhereverItIsSet() {
        TurnScript script = TurnScript.builder().httpError(503, "busy").assistant("ok")
                .chunkDelay(Duration.ofMillis(20)).build();

        assertThat(script.steps()).extracting(TurnScript.Step::chunkDelay)
                .containsExactly(Duration.ofMillis(20), Duration.ofMillis(20));
    }

    @Test
    void httpErrorMustStartAStep() {
        assertThatThrownBy(() -> TurnScript.builder().reasoning("r").httpError(500, "x"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("whole response");
        assertThatThrownBy(() -> TurnScript.builder().httpError(200, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4xx or 5xx");
    }

    @Test
    void endingsCloseTheStepSoLaterPartsAnswerTheNextRequest() {
        TurnScript script = TurnScript.builder().pendingApproval().reasoning("partial").dropConnection()
                .assistant("resumed").build();

        assertThat(script.steps()).extracting(s -> s.ending().getClass().getSimpleName()).containsExactly(
                "HttpError", "Drop", "Stop");
        StepEnding.HttpError conflict = (StepEnding.HttpError) script.steps().get(0).ending();
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.code()).isEqualTo("PENDING_APPROVAL");
        assertThat(conflict.message()).contains("waiting for approval on a tool call");
    }

    @Test
    void errorEndingsRecordTheirFraming() {
        assertThat(TurnScript.builder().error("llm_error", "m").build().steps().get(0).ending())
                .isEqualTo(new StepEnding.StreamError("llm_error", "m", null, false));
        assertThat(TurnScript.builder().errorEvent("llm_error", "m", "d").build().steps().get(0).ending())
                .isEqualTo(new StepEnding.StreamError("llm_error", "m", "d", true));
    }

    @Test
    void aScriptIsImmutableAndKeepsToolArgumentOrder() {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("command", "ls");
        arguments.put("description", "list");
        TurnScript.Builder builder = TurnScript.builder().toolCall("Bash", arguments);
        TurnScript script = builder.build();
        arguments.put("extra", "later");
        builder.assistant("more");

        ScriptPart.ToolCall call = script.steps().get(0).toolCalls().get(0);
        assertThat(call.arguments()).containsExactly(Map.entry("command", "ls"), Map.entry("description", "list"));
        assertThat(script.steps()).hasSize(1);
        assertThatThrownBy(() -> script.steps().add(script.steps().get(0)))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(List.copyOf(script.steps().get(0).parts())).hasSize(1);
    }

    @Test
    void anEmptyScriptIsRejected() {
        assertThatThrownBy(() -> TurnScript.builder().build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> TurnScript.builder().assistant()).isInstanceOf(IllegalArgumentException.class);
    }
}

package ai.letta.code.core.turn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResultTextTest {

    @Test
    void theLastAssistantMessageWinsThenTheLastReasoningThenTheLastToolOutput() {
        ResultText text = new ResultText();
        assertThat(text.text()).isNull();
        text.toolOutput("out 1");
        text.toolOutput(null);
        assertThat(text.text()).isEqualTo("out 1");
        text.reasoning("r1", "first thought");
        text.reasoning("r2", "second ");
        text.reasoning("r2", "thought");
        assertThat(text.text()).isEqualTo("second thought");
        text.toolOutput("out 2");
        assertThat(text.text()).as("reasoning before tool output, as the CLI's result line").isEqualTo(
                "second thought");
        text.assistant("a1", "answer ");
        text.assistant("a1", "one");
        text.assistant("a2", "answer two");
        assertThat(text.text()).isEqualTo("answer two");
    }
}

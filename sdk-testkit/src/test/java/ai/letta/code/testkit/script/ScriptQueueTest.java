package ai.letta.code.testkit.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class ScriptQueueTest {

    private static final TurnRequest REQUEST = new TurnRequest("c", "m", "ping", null, List.of(),
            new RecordedRequest(0, Instant.EPOCH, "POST", "/x", "", Map.of(), Map.of(), ""));
    private static final TurnRequest TOOL_RESULT = new TurnRequest("c", "m", "",
            new TurnRequest.ToolResult("call_fake_1", "ok", false), List.of(),
            new RecordedRequest(1, Instant.EPOCH, "POST", "/x", "", Map.of(), Map.of(), ""));

    private final AtomicInteger responderCalls = new AtomicInteger();
    private final ScriptQueue queue = new ScriptQueue(request -> {
        responderCalls.incrementAndGet();
        return TurnScript.text("fallback");
    });

    @Test
    void conversationScriptsGoBeforeScriptsForAnyConversationThenTheResponder() {
        queue.enqueue(TurnScript.text("any"));
        queue.enqueue("conv-1", TurnScript.text("own"));

        assertThat(text(queue.next("conv-1", REQUEST))).isEqualTo("own");
        assertThat(text(queue.next("conv-1", REQUEST))).isEqualTo("any");
        assertThat(text(queue.next("conv-1", REQUEST))).isEqualTo("fallback");
        assertThat(responderCalls).hasValue(1);
        assertThat(queue.pending()).isZero();
    }

    @Test
    void laterStepsAnswerTheSameConversationsNextRequests() {
        queue.enqueue(TurnScript.builder().toolCall("Bash", Map.of()).assistant("after tool").build());

        queue.next("conv-1", REQUEST);
        assertThat(text(queue.next("conv-2", REQUEST))).isEqualTo("fallback");
        assertThat(text(queue.next("conv-1", TOOL_RESULT))).isEqualTo("after tool");
    }

    @Test
    void aNewTurnInsteadOfAToolResultDropsTheRestOfTheScript() {
        queue.enqueue(TurnScript.builder().toolCall("Bash", Map.of()).assistant("tool said: ok").build());
        queue.enqueue(TurnScript.text("still here"));

        queue.next("conv-1", REQUEST);

        assertThat(text(queue.next("conv-1", REQUEST))).isEqualTo("still here");
    }

    @Test
    void abandoningAStreamDiscardsTheRestOfItsScript() {
        queue.enqueue(TurnScript.builder().toolCall("Bash", Map.of()).assistant("leftover").build());

        TurnScript.Step served = queue.next("conv-1", REQUEST);
        queue.abandon("conv-1", served);

        assertThat(text(queue.next("conv-1", REQUEST))).isEqualTo("fallback");
    }

    @Test
    void abandoningAnOlderStepLeavesANewerScriptAlone() {
        queue.enqueue(TurnScript.text("first"));
        queue.enqueue(TurnScript.builder().toolCall("Bash", Map.of()).assistant("second's tail").build());
        TurnScript.Step old = queue.next("conv-1", REQUEST);
        queue.next("conv-1", REQUEST);

        queue.abandon("conv-1", old);

        assertThat(text(queue.next("conv-1", TOOL_RESULT))).isEqualTo("second's tail");
    }

    @Test
    void continueActiveNeverStartsAScript() {
        queue.enqueue(TurnScript.builder().dropConnection().assistant("resumed").build());

        assertThat(queue.continueActive("conv-1")).isEmpty();
        queue.next("conv-1", REQUEST);
        assertThat(queue.continueActive("conv-1")).hasValueSatisfying(s -> assertThat(text(s)).isEqualTo("resumed"));
        assertThat(queue.continueActive("conv-1")).isEmpty();
        assertThat(responderCalls).hasValue(0);
    }

    @Test
    void clearForgetsQueuedScriptsAndTheRestOfActiveOnes() {
        queue.enqueue(TurnScript.builder().toolCall("Bash", Map.of()).assistant("leftover").build());
        queue.enqueue(TurnScript.text("queued"));
        queue.enqueue("conv-2", TurnScript.text("own"));
        queue.next("conv-1", REQUEST);

        queue.clear();

        assertThat(queue.pending()).isZero();
        assertThat(queue.continueActive("conv-1")).isEmpty();
        assertThat(text(queue.next("conv-1", REQUEST))).isEqualTo("fallback");
        assertThat(text(queue.next("conv-2", REQUEST))).isEqualTo("fallback");
    }

    private static String text(TurnScript.Step step) {
        return ((ScriptPart.AssistantText) step.parts().get(step.parts().size() - 1)).text();
    }
}

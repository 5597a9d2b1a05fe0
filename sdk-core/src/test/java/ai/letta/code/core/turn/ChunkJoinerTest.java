package ai.letta.code.core.turn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.letta.code.api.event.AssistantMessage;
import ai.letta.code.api.event.PartialEvent;
import ai.letta.code.api.event.Reasoning;
import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.api.event.ToolCall;
import ai.letta.code.api.event.ToolResult;
import ai.letta.code.core.turn.ChunkJoiner.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChunkJoinerTest {

    private final List<SessionEvent> out = new ArrayList<>();

    private static Map<String, Object> objectOrNull(String text) {
        return text.startsWith("{\"command\"") ? Map.of("command", "ls") : null;
    }

    @Test
    void chunksOfOneMessageBecomeOneEventWhenTheNextMessageStarts() {
        ChunkJoiner joiner = new ChunkJoiner(false, ChunkJoinerTest::objectOrNull);
        joiner.text(Text.REASONING, "m1", "thin", "run-1", true, out);
        joiner.text(Text.REASONING, "m1", "king", "run-1", true, out);
        assertThat(out).isEmpty();
        assertThat(joiner.joining()).isTrue();
        joiner.text(Text.ASSISTANT, "m2", "hel", "run-1", true, out);
        joiner.text(Text.ASSISTANT, "m2", "lo", "run-1", true, out);
        joiner.flush(out);
        assertThat(out).containsExactly(new Reasoning("m1", "thinking", "run-1"),
                new AssistantMessage("m2", "hello", "run-1"));
        assertThat(joiner.joining()).isFalse();
    }

    @Test
    void partialMessagesAddAnEventForEachNonEmptyStreamedChunk() {
        ChunkJoiner joiner = new ChunkJoiner(true, ChunkJoinerTest::objectOrNull);
        joiner.text(Text.ASSISTANT, "m1", "po", null, true, out);
        joiner.text(Text.ASSISTANT, "m1", "", null, true, out);
        joiner.text(Text.ASSISTANT, "m1", "ng", null, true, out);
        joiner.text(Text.ASSISTANT, "m2", "whole", null, false, out);
        joiner.flush(out);
        assertThat(out).filteredOn(PartialEvent.class::isInstance).extracting(e -> ((PartialEvent) e).delta())
                .containsExactly("po", "ng");
        assertThat(out).filteredOn(AssistantMessage.class::isInstance).extracting(e -> ((AssistantMessage) e)
                .content()).containsExactly("pong", "whole");
    }

    @Test
    void toolCallChunksAreJoinedAndEachCallAndResultIsEmittedOnce() {
        ChunkJoiner joiner = new ChunkJoiner(false, ChunkJoinerTest::objectOrNull);
        joiner.toolCallChunk("call-1", "Bash", "{\"command\"", "run-1", "tool_call_message", out);
        joiner.toolCallChunk("call-1", null, ":\"ls\"}", "run-1", "tool_call_message", out);
        joiner.toolResult("call-1", "file.txt", false, "run-1", out);
        joiner.toolCall("call-1", "Bash", "{\"command\":\"ls\"}", "run-1", out);
        joiner.toolCallChunk("call-1", "Bash", "{}", "run-1", "tool_call_message", out);
        joiner.toolResult("call-1", "file.txt", false, "run-1", out);
        joiner.flush(out);
        assertThat(out).containsExactly(
                new ToolCall("call-1", "Bash", Map.of("command", "ls"), "{\"command\":\"ls\"}", "run-1"),
                new ToolResult("call-1", "file.txt", false, "run-1"));
    }

    @Test
    void argumentsThatAreNoObjectAreRawAndNoArgumentsAreNoInput() {
        ChunkJoiner joiner = new ChunkJoiner(false, ChunkJoinerTest::objectOrNull);
        joiner.toolCall("call-1", "Bash", "{\"comm", null, out);
        joiner.toolCall("call-2", "Read", "", null, out);
        assertThat(out).extracting(e -> ((ToolCall) e).toolInput())
                .containsExactly(Map.of("raw", "{\"comm"), Map.of());
    }

    @Test
    void onlyAnOpenTextMessageIsQuiet() {
        ChunkJoiner joiner = new ChunkJoiner(false, ChunkJoinerTest::objectOrNull);
        assertThat(joiner.quietNanos()).isEqualTo(-1);
        joiner.toolCallChunk("call-1", "Bash", "{", null, "tool_call_message", out);
        assertThat(joiner.quietNanos()).as("a tool call waits for its whole arguments").isEqualTo(-1);
        joiner.text(Text.REASONING, "m1", "hm", null, true, out);
        assertThat(joiner.quietNanos()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void theResultTextIsTheWholeLastAssistantMessageAlsoWhenItWasEmittedInParts() {
        ChunkJoiner joiner = new ChunkJoiner(false, ChunkJoinerTest::objectOrNull);
        joiner.text(Text.ASSISTANT, "m1", "first ", null, true, out);
        joiner.flush(out); // as a quiet flush does
        joiner.text(Text.ASSISTANT, "m1", "half", null, true, out);
        joiner.flush(out);
        assertThat(out).extracting(e -> ((AssistantMessage) e).content()).containsExactly("first ", "half");
        assertThat(joiner.resultText()).isEqualTo("first half");
        joiner.reset();
        assertThat(joiner.resultText()).isNull();
    }
}

package ai.letta.code.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.letta.code.api.event.AssistantMessage;
import ai.letta.code.api.event.Result;
import ai.letta.code.spi.Results;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EventBufferTest {
    private static final AssistantMessage TEXT = new AssistantMessage("m1", "hi", null);
    private static final Result DONE = Results.success("hi", "conv-1");

    @Test
    void refusesEventsBeyondCapacityButAlwaysTakesTerminalOnes() {
        EventBuffer buffer = new EventBuffer(1);
        assertThat(buffer.offer(TEXT, false)).isTrue();
        assertThat(buffer.offer(TEXT, false)).isFalse();
        buffer.offerTerminal(DONE, true);
        assertThat(buffer.poll().event()).isEqualTo(TEXT);
        assertThat(buffer.poll().endsStream()).isTrue();
    }

    @Test
    void dropUntilBoundaryKeepsWhatFollowsTheAbandonedStream() {
        EventBuffer buffer = new EventBuffer(10);
        buffer.offer(TEXT, false);
        buffer.offerTerminal(DONE, true);
        AssistantMessage next = new AssistantMessage("m2", "next turn", null);
        buffer.offer(next, false);

        assertThat(buffer.dropUntilBoundary()).isTrue();
        assertThat(buffer.poll().event()).isEqualTo(next);
        assertThat(buffer.dropUntilBoundary()).isFalse();
    }

    @Test
    void peekReturnsNullOnceClosedAndEmptyAndLeavesTheEntryForTheNextReader() throws InterruptedException {
        EventBuffer buffer = new EventBuffer(10);
        buffer.offer(TEXT, false);
        assertThat(buffer.peek(Duration.ofMillis(1)).event()).isEqualTo(TEXT);
        assertThat(buffer.poll().event()).isEqualTo(TEXT);
        buffer.close();
        assertThat(buffer.peek(Duration.ofSeconds(5))).isNull();
        assertThat(buffer.poll()).isNull();
    }
}

package ai.letta.code.transport.remote.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.letta.code.api.event.AssistantMessage;
import ai.letta.code.api.event.ErrorEvent;
import ai.letta.code.api.event.Reasoning;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.api.event.ToolCall;
import ai.letta.code.api.event.ToolResult;
import ai.letta.code.testkit.sink.RecordingSink;
import org.junit.jupiter.api.Test;

class FrameWarmUpTest {

    /** The canned frames are a real turn's: a warm-up that only threw or dropped them would warm nothing. */
    @Test
    void theCannedTurnMapsToEveryEventOfARealOne() {
        RecordingSink sink = new RecordingSink();

        FrameWarmUp.play(new FrameCodec(), sink);

        assertThat(sink.events()).extracting(SessionEvent::getClass).containsSubsequence(Reasoning.class,
                ToolCall.class, ToolResult.class, AssistantMessage.class, Result.class);
        assertThat(sink.all(Result.class)).singleElement().satisfies(r -> assertThat(r.success()).isTrue());
        assertThat(sink.all(ErrorEvent.class)).isEmpty();
    }
}

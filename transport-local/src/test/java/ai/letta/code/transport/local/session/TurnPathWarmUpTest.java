package ai.letta.code.transport.local.session;

import static org.assertj.core.api.Assertions.assertThat;

import ai.letta.code.api.event.AssistantMessage;
import ai.letta.code.api.event.Reasoning;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.api.event.ToolCall;
import ai.letta.code.testkit.sink.RecordingSink;
import ai.letta.code.transport.local.wire.NdjsonCodec;
import org.junit.jupiter.api.Test;

class TurnPathWarmUpTest {

    /**
     * The warm-up is worth its place only if its canned lines walk a real turn's mapping: a line the mapper stopped
     * reading as its kind would leave that kind's code cold for the user's first turn, silently.
     */
    @Test
    void theCannedLinesMapToAWholeTurnOnce() {
        NdjsonCodec codec = new NdjsonCodec();
        RecordingSink sink = new RecordingSink();

        TurnPathWarmUp.run(codec, sink);
        TurnPathWarmUp.run(codec, sink);

        assertThat(sink.events()).extracting(SessionEvent::getClass).containsSubsequence(Reasoning.class,
                AssistantMessage.class, ToolCall.class, Result.class);
        assertThat(sink.events()).filteredOn(Result.class::isInstance).singleElement()
                .satisfies(r -> assertThat(((Result) r).success()).isTrue());
        assertThat(sink.turns()).hasSize(1);
    }

    @Test
    void theProductionSinkDiscardsEverything() {
        TurnPathWarmUp.run(new NdjsonCodec(), TurnPathWarmUp.DISCARD);
        // Nothing to observe by design; a second codec warms again (once per client, not per JVM).
        assertThat(new NdjsonCodec().warmUp()).isNotEmpty();
    }
}

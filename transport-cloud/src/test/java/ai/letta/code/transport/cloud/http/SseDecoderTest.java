package ai.letta.code.transport.cloud.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.exception.FrameTooLongException;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseDecoderTest {

    private final SseDecoder decoder = new SseDecoder(1024);

    private List<SseEvent> feed(String... chunks) {
        List<SseEvent> events = new ArrayList<>();
        for (String chunk : chunks) {
            events.addAll(decoder.feed(Unpooled.wrappedBuffer(chunk.getBytes(StandardCharsets.UTF_8))));
        }
        return events;
    }

    @Test
    void dataOnlyEventsAreDispatchedOnTheBlankLine() {
        assertThat(feed("data: {\"a\":1}\n\ndata: [DONE]\n\n")).containsExactly(
                new SseEvent(null, "{\"a\":1}", null), new SseEvent(null, "[DONE]", null));
    }

    @Test
    void eventsSplitAnywhereAcrossChunksAreWhole() {
        String wire = "event: error\ndata: {\"message\":\"caf\u00e9 \u2615\"}\n\n";
        byte[] bytes = wire.getBytes(StandardCharsets.UTF_8);
        List<SseEvent> events = new ArrayList<>();
        for (byte b : bytes) {
            events.addAll(decoder.feed(Unpooled.wrappedBuffer(new byte[] {b})));
        }
        assertThat(events).containsExactly(new SseEvent("error", "{\"message\":\"caf\u00e9 \u2615\"}", null));
    }

    @Test
    void crlfSplitBetweenChunksCountsOnceAndLoneCrEndsALine() {
        assertThat(feed("data: one\r", "\n\r", "\ndata: two\r\r")).containsExactly(
                new SseEvent(null, "one", null), new SseEvent(null, "two", null));
    }

    @Test
    void multiLineDataJoinsCommentsAndUnknownFieldsAreSkipped() {
        assertThat(feed(": keep-alive\nretry: 10\nid: 7\nfoo: bar\ndata: a\ndata:b\ndata\n\n")).containsExactly(
                new SseEvent(null, "a\nb\n", "7"));
    }

    @Test
    void anEventWithoutDataIsNotDispatched() {
        assertThat(feed("event: ping\n\n: only a comment\n\n")).isEmpty();
    }

    @Test
    void anOversizedEventIsRefusedBeforeItIsWhole() {
        String big = "data: " + "x".repeat(2000);
        assertThatThrownBy(() -> feed(big)).isInstanceOf(FrameTooLongException.class)
                .hasMessageContaining("1024");
    }

    @Test
    void theCapCountsTheWholeEventNotOneLine() {
        String line = "data: " + "x".repeat(300) + "\n";
        assertThatThrownBy(() -> feed(line, line, line, line)).isInstanceOf(FrameTooLongException.class);
        SseDecoder fresh = new SseDecoder(1024);
        List<SseEvent> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.addAll(fresh.feed(Unpooled.wrappedBuffer((line + "\n").getBytes(StandardCharsets.UTF_8))));
        }
        assertThat(events).hasSize(5);
    }
}

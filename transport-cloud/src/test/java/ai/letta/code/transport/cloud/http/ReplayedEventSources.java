package ai.letta.code.transport.cloud.http;

import ai.letta.code.api.exception.LettaCodeException;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link EventSource}s filled from bytes without a socket, for tests outside this package that exercise what
 * reads a stream (fuzzing the message stream, say): the bytes go through the real {@link SseDecoder} in the
 * chunks given, and the source then ends as a body would, or fails with the decoder's typed refusal.
 */
public final class ReplayedEventSources {

    private ReplayedEventSources() {
    }

    /**
     * @param chunks the body's chunks, in order
     * @param maxEventBytes the decoder's event cap
     * @return a source that yields the decoded events, then ends (or fails as the decoder did)
     */
    public static EventSource of(List<byte[]> chunks, int maxEventBytes) {
        EventSource source = new EventSource("a replayed stream", Duration.ofSeconds(5));
        SseDecoder decoder = new SseDecoder(maxEventBytes);
        try {
            for (byte[] chunk : chunks) {
                decoder.feed(Unpooled.wrappedBuffer(chunk)).forEach(source::offer);
            }
            source.end();
        } catch (LettaCodeException e) {
            // Only the decoder's typed refusals become the stream's failure: anything else is a bug a test
            // must see, not a TransportLostException the source would wrap it in.
            source.fail(e);
        }
        return source;
    }

    /**
     * @param body a whole body
     * @param maxEventBytes the decoder's event cap
     * @return the events it decodes to, in one chunk
     */
    public static List<SseEvent> decode(byte[] body, int maxEventBytes) {
        return new ArrayList<>(new SseDecoder(maxEventBytes).feed(Unpooled.wrappedBuffer(body)));
    }
}

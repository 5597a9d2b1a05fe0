package ai.letta.code.transport.cloud.http;

import ai.letta.code.api.exception.FrameTooLongException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.util.ByteProcessor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a {@code text/event-stream} body into {@link SseEvent}s, as the HTML living standard's "event stream
 * interpretation" says: lines end in {@code \n}, {@code \r\n} or a lone {@code \r} (a {@code \r\n} split across two
 * chunks counts once); a blank line dispatches the event; {@code :} starts a comment; {@code data:} lines join with
 * {@code \n}; one space after the colon is dropped; an event with no data is not dispatched; {@code retry:} and
 * unknown fields are ignored. Bytes are decoded as UTF-8 per line, so a character split across chunks is whole.
 *
 * <p>Bounded: an event (all its lines, the one being read included) over {@code maxEventBytes} throws a
 * {@link FrameTooLongException} at once, before it is held in memory whole. Stateful and not thread-safe: one per
 * response, fed from the event loop.
 */
final class SseDecoder {

    private final int maxEventBytes;
    private final ByteBuf line = Unpooled.buffer();
    private final StringBuilder data = new StringBuilder();
    private boolean hasData;
    private String event;
    private String lastId;
    private long eventBytes;
    private boolean afterCr;

    /** @param maxEventBytes the most bytes one event may take on the wire */
    SseDecoder(int maxEventBytes) {
        this.maxEventBytes = maxEventBytes;
    }

    /**
     * @param chunk the next bytes of the body (read, not released)
     * @return the events this chunk completed, in order
     * @throws FrameTooLongException if an event grows over the cap
     */
    List<SseEvent> feed(ByteBuf chunk) {
        List<SseEvent> events = new ArrayList<>();
        while (chunk.isReadable()) {
            if (afterCr) {
                afterCr = false;
                if (chunk.getByte(chunk.readerIndex()) == '\n') {
                    chunk.skipBytes(1);
                    continue;
                }
            }
            int end = chunk.forEachByte(ByteProcessor.FIND_CRLF);
            int length = (end < 0 ? chunk.writerIndex() : end) - chunk.readerIndex();
            eventBytes += length;
            if (eventBytes > maxEventBytes) {
                throw new FrameTooLongException("the Letta API streamed an event over " + maxEventBytes
                        + " bytes, the event cap", maxEventBytes);
            }
            line.writeBytes(chunk, length);
            if (end >= 0) {
                afterCr = chunk.readByte() == '\r';
                endLine(events);
            }
        }
        return events;
    }

    private void endLine(List<SseEvent> events) {
        String text = line.toString(StandardCharsets.UTF_8);
        line.clear();
        eventBytes++;
        if (text.isEmpty()) {
            if (hasData) {
                events.add(new SseEvent(event, data.toString(), lastId));
            }
            data.setLength(0);
            hasData = false;
            event = null;
            eventBytes = 0;
            return;
        }
        if (text.startsWith(":")) {
            return;
        }
        int colon = text.indexOf(':');
        String field = colon < 0 ? text : text.substring(0, colon);
        String value = colon < 0 ? "" : text.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "data" -> {
                if (hasData) {
                    data.append('\n');
                }
                data.append(value);
                hasData = true;
            }
            case "event" -> event = value.isEmpty() ? null : value;
            case "id" -> {
                if (value.indexOf('\0') < 0) {
                    lastId = value;
                }
            }
            default -> {
                // retry: and unknown fields carry nothing this client uses.
            }
        }
    }
}

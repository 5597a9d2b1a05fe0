package ai.letta.code.transport.local.process;

import ai.letta.code.api.exception.FrameTooLongException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a byte stream into UTF-8 lines at {@code \n}, dropping a trailing {@code \r}. Framing only: it does not
 * look inside a line (parsing is {@code NdjsonCodec}'s job).
 *
 * <p>A line longer than {@code maxLineBytes} is not buffered: its bytes are discarded up to the next {@code \n}
 * and then {@link #readLine()} throws {@link FrameTooLongException}. The reader stays usable and the next call
 * returns the following line, so one oversized tool result cannot fill the heap nor end the session. The cap is
 * large by default ({@code LocalOptions.maxLineBytes}, 64 MiB) because tool results and images can be many MiB.
 *
 * <p>Not thread-safe: one reader thread owns it.
 */
final class BoundedLineReader {

    private static final int CHUNK = 64 * 1024;

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] chunk = new byte[CHUNK];
    private int chunkPos;
    private int chunkLen;
    private byte[] line = new byte[1024];
    private int lineLen;
    private boolean eof;

    /**
     * @param in the stream, e.g. a process's stdout; closed by the caller
     * @param maxLineBytes the largest line accepted, without its terminator
     */
    BoundedLineReader(InputStream in, int maxLineBytes) {
        if (maxLineBytes <= 0) {
            throw new IllegalArgumentException("maxLineBytes must be positive, got " + maxLineBytes);
        }
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * @return the next line without its terminator, or {@code null} at end of stream (a last line without a
     *     terminator is still returned)
     * @throws FrameTooLongException when a line exceeded the cap; it was skipped and the next call goes on
     * @throws IOException when reading fails
     */
    String readLine() throws IOException {
        lineLen = 0;
        long discarded = 0;
        while (true) {
            if (chunkPos == chunkLen) {
                if (eof || !fill()) {
                    eof = true;
                    if (discarded > 0) {
                        throw tooLong(discarded);
                    }
                    return lineLen == 0 ? null : finish();
                }
            }
            int newline = indexOfNewline(chunkPos, chunkLen);
            int end = newline < 0 ? chunkLen : newline;
            int count = end - chunkPos;
            if (discarded > 0 || (long) lineLen + count > maxLineBytes) {
                discarded += lineLen + count;
                lineLen = 0;
            } else {
                append(chunkPos, count);
            }
            chunkPos = newline < 0 ? chunkLen : newline + 1;
            if (newline >= 0) {
                if (discarded > 0) {
                    throw tooLong(discarded);
                }
                return finish();
            }
        }
    }

    private boolean fill() throws IOException {
        int read = in.read(chunk, 0, CHUNK);
        if (read < 0) {
            return false;
        }
        chunkPos = 0;
        chunkLen = read;
        return true;
    }

    private int indexOfNewline(int from, int to) {
        for (int i = from; i < to; i++) {
            if (chunk[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void append(int from, int count) {
        if (lineLen + count > line.length) {
            long grown = Math.max((long) line.length * 2, (long) lineLen + count);
            line = Arrays.copyOf(line, (int) Math.min(grown, Math.max(maxLineBytes, 1024)));
        }
        System.arraycopy(chunk, from, line, lineLen, count);
        lineLen += count;
    }

    private String finish() {
        int len = lineLen;
        if (len > 0 && line[len - 1] == '\r') {
            len--;
        }
        String text = new String(line, 0, len, StandardCharsets.UTF_8);
        lineLen = 0;
        if (line.length > 1024 * 1024) {
            // Do not keep a huge buffer alive after one big tool result.
            line = new byte[1024];
        }
        return text;
    }

    private FrameTooLongException tooLong(long bytes) {
        return new FrameTooLongException("the CLI wrote a stdout line of " + bytes + " bytes, over the cap of "
                + maxLineBytes + " bytes; the line was skipped. Raise LocalOptions.maxLineBytes if such lines are"
                + " expected (large tool results or images)", maxLineBytes);
    }
}

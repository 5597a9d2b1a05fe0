package ai.letta.code.testkit.peer;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * Drains one output stream of a child process on its own daemon thread and hands over complete lines. A child that
 * writes to a pipe nobody reads blocks once the pipe buffer fills, so every stream of every peer gets a pump.
 *
 * <p>Lines end at {@code \n}; a trailing {@code \r} is dropped. A line longer than {@code maxLineChars} ends the
 * pump with a failure instead of growing without bound (a hostile or broken peer must not fill the heap).
 */
final class LinePump {

    /** Receives what the pump reads. Called only from the pump thread. */
    interface Sink {
        void line(String line) throws InterruptedException;

        /** The stream ended; {@code failure} is null for a plain end of stream. */
        void end(Exception failure);
    }

    private LinePump() {
    }

    static Thread start(String threadName, InputStream stream, int maxLineChars, Sink sink) {
        Thread thread = new Thread(() -> pump(stream, maxLineChars, sink), threadName);
        // Daemon: a peer that hangs must never keep the test JVM alive; close() still joins with a bound.
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void pump(InputStream stream, int maxLineChars, Sink sink) {
        Exception failure = null;
        try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            char[] buffer = new char[8192];
            StringBuilder line = new StringBuilder();
            int read;
            while ((read = reader.read(buffer)) != -1) {
                int start = 0;
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        line.append(buffer, start, i - start);
                        checkCap(line, maxLineChars);
                        emit(line, sink);
                        start = i + 1;
                    }
                }
                line.append(buffer, start, read - start);
                // Checked on the unfinished line too, so an endless line fails early instead of filling the heap.
                checkCap(line, maxLineChars);
            }
            if (line.length() > 0) {
                emit(line, sink);
            }
        } catch (IOException e) {
            // "Stream closed" after the process was destroyed is a normal end, not a failure worth reporting.
            failure = "Stream closed".equals(e.getMessage()) ? null : e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = e;
        } finally {
            sink.end(failure);
        }
    }

    private static void checkCap(StringBuilder line, int maxLineChars) throws IOException {
        if (line.length() > maxLineChars) {
            throw new IOException("a line exceeded the cap of " + maxLineChars + " chars (starts with: "
                    + line.substring(0, Math.min(200, line.length())) + ")");
        }
    }

    private static void emit(StringBuilder line, Sink sink) throws InterruptedException {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            end--;
        }
        sink.line(line.substring(0, end));
        line.setLength(0);
    }
}

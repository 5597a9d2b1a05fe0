package ai.letta.code.testkit.secrets;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Everything the SDK logs while open, at every level: a handler on the root {@code java.util.logging} logger, which
 * is where {@code System.getLogger} writes by default. Each record is kept as its formatted message plus the
 * messages and stack traces of its throwable and causes, so a secret in any of them is seen.
 *
 * <pre>{@code
 * try (LogCapture logs = LogCapture.start()) {
 *     // ... run the SDK ...
 *     Sentinels.assertAbsent("logs", logs.text());
 * }
 * }</pre>
 */
public final class LogCapture implements AutoCloseable {

    private final Logger root = LogManager.getLogManager().getLogger("");
    private final Level previousLevel = root.getLevel();
    private final List<String> records = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            StringBuilder text = new StringBuilder(record.getLevel() + " " + record.getLoggerName() + ": ");
            text.append(new java.util.logging.SimpleFormatter().formatMessage(record));
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                text.append('\n').append(trace);
            }
            synchronized (records) {
                records.add(text.toString());
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private final List<Level> consoleLevels = new ArrayList<>();

    private LogCapture() {
        handler.setLevel(Level.ALL);
        // The console keeps its own level: ALL on the root must not flood the test output.
        for (Handler h : root.getHandlers()) {
            consoleLevels.add(h.getLevel());
            if (h.getLevel().intValue() < Level.INFO.intValue()) {
                h.setLevel(Level.INFO);
            }
        }
        root.setLevel(Level.ALL);
        root.addHandler(handler);
    }

    /** @return a capture, recording until {@link #close()} */
    public static LogCapture start() {
        return new LogCapture();
    }

    /** @return the records so far, one per entry */
    public List<String> records() {
        synchronized (records) {
            return List.copyOf(records);
        }
    }

    /** @return the records so far, joined */
    public String text() {
        return String.join("\n", records());
    }

    /** Stops recording and restores the root logger. */
    @Override
    public void close() {
        root.removeHandler(handler);
        root.setLevel(previousLevel);
        Handler[] handlers = root.getHandlers();
        for (int i = 0; i < handlers.length && i < consoleLevels.size(); i++) {
            handlers[i].setLevel(consoleLevels.get(i));
        }
    }
}

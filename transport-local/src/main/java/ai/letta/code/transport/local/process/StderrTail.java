package ai.letta.code.transport.local.process;

import ai.letta.code.core.spi.LineTail;
import ai.letta.code.spi.Redaction;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The last lines the CLI wrote to stderr, kept for failure messages (a rejected flag, a missing API key, a crash).
 * Bounded as a {@link LineTail}; colour codes are removed and secret values hidden. Its drain thread must run for
 * the whole life of the process: a child whose stderr pipe fills up blocks.
 *
 * <p>Thread-safe: the drain thread adds while any thread renders.
 */
public final class StderrTail {

    /** ANSI colour codes in {@code LETTA_DEBUG} output only obscure the message. */
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]");
    /** Environment variables whose values are credentials, by name: their values are hidden wherever they show. */
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|AUTH).*");

    private final LineTail lines;
    private final List<String> secrets;

    /**
     * @param maxLines the most lines kept
     * @param maxLineChars the most characters kept of a line
     * @param secrets values never kept (see {@link #secretValues})
     */
    StderrTail(int maxLines, int maxLineChars, Collection<String> secrets) {
        this.lines = new LineTail(maxLines, maxLineChars);
        this.secrets = List.copyOf(secrets);
    }

    /**
     * @param env the child's environment
     * @return the values of its credential variables ({@code LETTA_API_KEY}, {@code OPENAI_API_KEY}, a token, ...),
     *     which a CLI may echo in an error
     */
    public static List<String> secretValues(Map<String, String> env) {
        return env.entrySet().stream()
                .filter(e -> SECRET_NAME.matcher(e.getKey()).matches() && e.getValue() != null)
                .map(Map.Entry::getValue)
                .collect(Collectors.toList());
    }

    /**
     * Reads {@code stream} to its end on a new daemon thread.
     *
     * @param name the thread's name
     * @param stream the process's stderr
     * @return the started thread
     */
    Thread drain(String name, InputStream stream) {
        Thread thread = new Thread(() -> {
            BoundedLineReader reader = new BoundedLineReader(stream, 1024 * 1024);
            try (stream) {
                while (true) {
                    try {
                        String line = reader.readLine();
                        if (line == null) {
                            return;
                        }
                        add(line);
                    } catch (ai.letta.code.api.exception.FrameTooLongException e) {
                        add("[a stderr line over 1 MiB was skipped]");
                    }
                }
            } catch (IOException e) {
                // The pipe closes when the process is destroyed; nothing more to drain.
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    void add(String line) {
        String clean = Redaction.text(ANSI.matcher(line).replaceAll(""), secrets);
        if (!clean.isBlank()) {
            lines.add(clean);
        }
    }

    /**
     * @param text something the same process printed elsewhere (its stdout)
     * @return it with this process's secret values hidden, as a stderr line would be
     */
    String redact(String text) {
        return Redaction.text(text, secrets);
    }

    /** @return the kept lines joined with newlines, or an empty string */
    public String text() {
        return lines.text("").strip();
    }

    /** @return {@code "; stderr: <tail>"} for a message, or {@code "; stderr was empty"} */
    public String forMessage() {
        String text = text();
        return text.isEmpty() ? "; stderr was empty" : "; stderr:\n" + text;
    }
}

package ai.letta.code.testkit.secrets;

import ai.letta.code.api.exception.TransportException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/**
 * Recognisable values to put in every secret slot (API key, token, secret environment values, URL user info) and
 * the check that none of them shows anywhere a user or an operator could read: logs, {@code toString()},
 * exception messages and causes, diagnostic tails, event text.
 */
public final class Sentinels {
    /** An API key. */
    public static final String API_KEY = "sk-let-SENTINELKEY7f3a9c";
    /** A bearer token. */
    public static final String TOKEN = "tok-SENTINELTOKEN4d2e81";
    /** The value of a credential environment variable. */
    public static final String ENV_VALUE = "envSENTINELVALUE91bc07";
    /** The password in a URL's user info. */
    public static final String URL_PASSWORD = "pwSENTINELPASS55aa3e";

    /** The distinctive core of each sentinel: none of these may appear. */
    private static final List<String> MARKS = List.of("SENTINELKEY", "SENTINELTOKEN", "SENTINELVALUE",
            "SENTINELPASS");

    private Sentinels() {}

    /**
     * @param where what the text is, for the message
     * @param text any text (null counts as empty)
     * @throws AssertionError naming the sentinel and quoting around it
     */
    public static void assertAbsent(String where, String text) {
        if (text == null) {
            return;
        }
        for (String mark : MARKS) {
            int at = text.indexOf(mark);
            if (at >= 0) {
                throw new AssertionError("a secret (" + mark + ") appears in " + where + ": …"
                        + text.substring(Math.max(0, at - 80), Math.min(text.length(), at + 40)) + "…");
            }
        }
    }

    /**
     * Checks a throwable's whole chain: messages, {@code toString()}s and stack trace text.
     *
     * @param where what it is, for the message
     * @param thrown the throwable, or null
     */
    public static void assertAbsent(String where, Throwable thrown) {
        if (thrown == null) {
            return;
        }
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        assertAbsent(where, trace.toString());
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            assertAbsent(where + " (" + t.getClass().getSimpleName() + ")", t.toString());
            if (t instanceof TransportException transport) {
                assertAbsent(where + " (diagnostic tail)", transport.diagnosticTail().orElse(null));
            }
        }
    }
}

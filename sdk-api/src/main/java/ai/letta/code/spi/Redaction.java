package ai.letta.code.spi;

import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Makes peer or server text fit for an exception message, a diagnostic tail or a log line: the known secret values
 * themselves hidden, and what looks like a credential (URL user info, {@code token=}/{@code api_key=}/
 * {@code password=} values, bearer and basic credentials, {@code sk-…} keys) hidden too. Peers echo requests and
 * environments back in errors, so every fragment a transport quotes goes through here.
 */
public final class Redaction {

    /** The most characters of a peer's message quoted in an exception message. */
    public static final int MAX_MESSAGE = 300;
    /** The most characters of a peer's output kept as a diagnostic tail. */
    public static final int MAX_TAIL = 500;
    /** What a hidden value is replaced with. */
    public static final String HIDDEN = "****";

    /** Secret values shorter than this are not searched for: they would hide ordinary words. */
    private static final int MIN_SECRET = 4;
    private static final Pattern USER_INFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/@\\s]+@");
    private static final Pattern KEY_VALUE = Pattern.compile("(?i)(\"?\\b(?:access_token|refresh_token|token"
            + "|api[_-]?key|apikey|key|password|passwd|secret|client_secret)\"?\\s*[=:]\\s*\"?)[^\\s\"'&,;}#]+");
    private static final Pattern SCHEME_CREDENTIAL = Pattern.compile("(?i)\\b((?:bearer|basic|token)\\s+)"
            + "[A-Za-z0-9._~+/=-]{4,}");
    private static final Pattern KEY_LITERAL = Pattern.compile("\\bsk-[A-Za-z0-9_-]{8,}");

    private Redaction() {}

    /**
     * @param text any text, possibly null
     * @return it with what looks like a credential hidden, or {@code ""} for null
     */
    public static String text(String text) {
        return text(text, List.of());
    }

    /**
     * @param text any text, possibly null
     * @param secrets values that must not appear (an API key, a token, secret environment values); nulls and
     *     values shorter than four characters are ignored
     * @return the text with those values and what looks like a credential hidden, or {@code ""} for null
     */
    public static String text(String text, Collection<String> secrets) {
        if (text == null) {
            return "";
        }
        String out = text;
        for (String secret : secrets) {
            if (secret != null && secret.length() >= MIN_SECRET) {
                out = out.replace(secret, HIDDEN);
            }
        }
        out = USER_INFO.matcher(out).replaceAll("$1" + HIDDEN + "@");
        out = KEY_VALUE.matcher(out).replaceAll("$1" + HIDDEN);
        out = SCHEME_CREDENTIAL.matcher(out).replaceAll("$1" + HIDDEN);
        return KEY_LITERAL.matcher(out).replaceAll("sk-" + HIDDEN);
    }

    /**
     * @param url a URL
     * @return it without user info and with credential parameters hidden
     */
    public static String url(URI url) {
        return text(url.toString());
    }

    /**
     * @param text redacted text
     * @param max the most characters to keep
     * @return its first {@code max} characters on one line, with an ellipsis when cut
     */
    public static String head(String text, int max) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= max ? line : line.substring(0, max) + "…";
    }

    /**
     * @param text redacted text
     * @param max the most characters to keep
     * @return its last {@code max} characters, with an ellipsis when cut
     */
    public static String tail(String text, int max) {
        return text.length() <= max ? text : "…" + text.substring(text.length() - max);
    }
}

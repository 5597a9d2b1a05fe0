package ai.letta.code.transport.cloud.http;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * Makes text fit for an exception message: no URL user-info, no {@code token=} values, no bearer tokens, no
 * copy of the API key, bounded length. Servers echo requests back in error bodies, so every server-supplied
 * fragment goes through here too.
 */
final class Redaction {

    /** The most characters of a server message quoted in an exception message. */
    static final int MAX_MESSAGE = 300;
    /** The most characters of a response body kept as a {@code TransportException}'s diagnostic tail. */
    static final int MAX_TAIL = 500;

    private static final String HIDDEN = "****";
    private static final Pattern USER_INFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/@\\s]+@");
    private static final Pattern TOKEN_PARAM = Pattern.compile(
            "(?i)([?&;\\s\"']|^)((?:token|access_token|api_key|apikey|key)=)[^&\\s\"'#]*");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]+");

    private Redaction() {
    }

    /**
     * @param url a URL
     * @return it without user-info and with {@code token=} values hidden
     */
    static String url(URI url) {
        return text(url.toString(), null);
    }

    /**
     * @param text any text, possibly null
     * @param secret a value that must not appear (the API key), or {@code null}
     * @return the text with credentials hidden, or {@code ""} for null
     */
    static String text(String text, String secret) {
        if (text == null) {
            return "";
        }
        String out = text;
        if (secret != null && !secret.isEmpty()) {
            out = out.replace(secret, HIDDEN);
        }
        out = USER_INFO.matcher(out).replaceAll("$1" + HIDDEN + "@");
        out = TOKEN_PARAM.matcher(out).replaceAll("$1$2" + HIDDEN);
        return BEARER.matcher(out).replaceAll("$1" + HIDDEN);
    }

    /**
     * @param text redacted text
     * @param max the most characters to keep
     * @return its first {@code max} characters on one line, with an ellipsis when cut
     */
    static String head(String text, int max) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= max ? line : line.substring(0, max) + "…";
    }

    /**
     * @param text redacted text
     * @param max the most characters to keep
     * @return its last {@code max} characters, with an ellipsis when cut
     */
    static String tail(String text, int max) {
        return text.length() <= max ? text : "…" + text.substring(text.length() - max);
    }
}

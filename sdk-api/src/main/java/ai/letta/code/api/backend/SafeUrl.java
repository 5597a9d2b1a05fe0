package ai.letta.code.api.backend;

import java.net.URI;

/** A URL as options may print it: scheme, host, port and path, never user info or a query (which carry secrets). */
final class SafeUrl {
    private SafeUrl() {}

    /**
     * @param url a URL, possibly with {@code user:password@} or {@code ?token=}
     * @return it without them; {@code "<opaque URL>"} when it has no host
     */
    static String of(URI url) {
        if (url.getHost() == null) {
            return url.getScheme() == null ? "<relative URL>" : url.getScheme() + ":<opaque URL>";
        }
        return url.getScheme() + "://" + url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "")
                + (url.getRawPath() == null ? "" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?…");
    }
}

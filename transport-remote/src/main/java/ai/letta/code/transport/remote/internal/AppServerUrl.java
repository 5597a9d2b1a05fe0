package ai.letta.code.transport.remote.internal;

import ai.letta.code.api.exception.ConfigurationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The websocket address of an app server, normalised as the upstream client does ({@code resolveAppServerUrl},
 * spec §3.1): {@code http(s)://} becomes {@code ws(s)://}, an empty or {@code /} path becomes {@code /ws}, and a
 * {@code channel} query parameter (the retired two-socket client, answered with 426) is dropped.
 *
 * @param uri the websocket URI to connect to
 */
public record AppServerUrl(URI uri) {

    /**
     * @param url what the user configured
     * @return the normalised address
     * @throws ConfigurationException if the scheme is not http, https, ws or wss, or the host is missing
     */
    public static AppServerUrl of(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        String wsScheme = switch (scheme) {
            case "http", "ws" -> "ws";
            case "https", "wss" -> "wss";
            default -> throw new ConfigurationException(
                    "RemoteOptions.url must be an http(s):// or ws(s):// URL (got \"" + url + "\")");
        };
        if (url.getHost() == null) {
            throw new ConfigurationException("RemoteOptions.url needs a host (got \"" + url + "\")");
        }
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() || url.getRawPath().equals("/")
                ? "/ws" : url.getRawPath();
        String query = url.getRawQuery() == null ? null : Arrays.stream(url.getRawQuery().split("&"))
                .filter(p -> !p.isEmpty() && !p.equals("channel") && !p.startsWith("channel="))
                .collect(Collectors.joining("&"));
        try {
            // The user-info part is dropped: credentials travel only in the Authorization header.
            return new AppServerUrl(new URI(wsScheme, null, url.getHost(), url.getPort(), null, null, null)
                    .resolve(path + (query == null || query.isEmpty() ? "" : "?" + query)));
        } catch (URISyntaxException e) {
            throw new ConfigurationException("RemoteOptions.url is not a valid URL (got \"" + url + "\")", e);
        }
    }

    /** @return whether the connection uses TLS */
    public boolean secure() {
        return uri.getScheme().equals("wss");
    }

    /** @return the port, defaulting by scheme */
    public int port() {
        return uri.getPort() > 0 ? uri.getPort() : secure() ? 443 : 80;
    }

    /** @return the host */
    public String host() {
        return uri.getHost();
    }

    /** @return the address as messages show it: no query, never credentials */
    @Override
    public String toString() {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
                + uri.getRawPath();
    }
}

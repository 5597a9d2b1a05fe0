package ai.letta.code.transport.cloud.http;

import ai.letta.code.api.backend.CloudOptions;
import ai.letta.code.api.backend.Secret;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.spi.Redaction;
import ai.letta.code.internal.Checks;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * What {@link LettaHttp} needs to reach a Letta API: where, with which key, which extra headers, and how long to
 * wait. {@code toString()} never shows the key ({@link Secret} redacts itself).
 *
 * @param baseUrl the API's base URL, {@code http} or {@code https}; the request paths (which carry {@code /v1})
 *     are appended to its path
 * @param apiKey sent as {@code Authorization: Bearer}
 * @param headers extra headers on every request (e.g. {@code X-Project}); they cannot replace the ones the client
 *     owns ({@code Authorization}, {@code Host}, {@code Content-Length}, ...)
 * @param connectTimeout the wait for a TCP (and TLS) connection
 * @param requestTimeout the wait for the whole answer of one attempt, from the moment the request is written
 */
public record HttpSettings(URI baseUrl, Secret apiKey, Map<String, String> headers, Duration connectTimeout,
        Duration requestTimeout) {

    /**
     * Validates and copies.
     *
     * @param baseUrl the API's base URL, {@code http} or {@code https}
     * @param apiKey sent as {@code Authorization: Bearer}
     * @param headers extra headers on every request
     * @param connectTimeout the wait for a TCP (and TLS) connection
     * @param requestTimeout the wait for the whole answer of one attempt
     */
    public HttpSettings {
        Checks.requireNonNull(baseUrl, "baseUrl");
        Checks.requireNonNull(apiKey, "apiKey");
        if (baseUrl.getScheme() == null || !baseUrl.getScheme().matches("(?i)https?") || baseUrl.getHost() == null) {
            throw new ConfigurationException("baseUrl must be an http(s) URL with a host (got \""
                    + Redaction.url(baseUrl) + "\")");
        }
        headers = Map.copyOf(Checks.requireNonNull(headers, "headers"));
        Checks.requirePositive(connectTimeout, "connectTimeout");
        Checks.requirePositive(requestTimeout, "requestTimeout");
    }

    /**
     * @param options the cloud backend's options
     * @return the same settings, with its extra headers
     */
    public static HttpSettings from(CloudOptions options) {
        return new HttpSettings(options.baseUrl(), options.apiKey(), options.headers(), options.connectTimeout(),
                options.requestTimeout());
    }

    /** @return whether requests go over TLS */
    boolean tls() {
        return "https".equalsIgnoreCase(baseUrl.getScheme());
    }

    /** @return the port requests go to: the URL's, else 443 or 80 */
    int port() {
        return baseUrl.getPort() > 0 ? baseUrl.getPort() : tls() ? 443 : 80;
    }
}

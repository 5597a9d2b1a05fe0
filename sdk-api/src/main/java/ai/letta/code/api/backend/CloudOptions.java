package ai.letta.code.api.backend;

import static ai.letta.code.api.exception.ConfigurationException.requireNonNull;
import static ai.letta.code.api.exception.ConfigurationException.requirePositive;

import ai.letta.code.api.exception.ConfigurationException;
import java.net.URI;
import java.time.Duration;

/**
 * Options of the cloud backend: Letta Cloud (or any Letta API server) over HTTPS.
 *
 * @param apiKey the Letta API key (redacted in {@code toString()})
 * @param baseUrl the API's base URL
 * @param connectTimeout the wait for a connection
 * @param requestTimeout the wait for a response (streams: the wait between two events)
 */
public record CloudOptions(Secret apiKey, URI baseUrl, Duration connectTimeout, Duration requestTimeout)
        implements Backend {

    /** Letta Cloud's API. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.letta.com");

    /** Validates. */
    public CloudOptions {
        requireNonNull(apiKey, "CloudOptions.apiKey");
        requireNonNull(baseUrl, "CloudOptions.baseUrl");
        if (baseUrl.getScheme() == null || !baseUrl.getScheme().matches("(?i)https?")) {
            throw new ConfigurationException("CloudOptions.baseUrl must be an http(s) URL (got \"" + baseUrl + "\")");
        }
        requirePositive(connectTimeout, "CloudOptions.connectTimeout");
        requirePositive(requestTimeout, "CloudOptions.requestTimeout");
    }

    @Override
    public BackendKind kind() {
        return BackendKind.CLOUD;
    }

    /**
     * @param apiKey the Letta API key; must not be blank
     * @return a builder with defaults
     */
    public static Builder builder(String apiKey) {
        return new Builder(Secret.of(apiKey, "CloudOptions.apiKey"));
    }

    /** @return a builder holding these options */
    public Builder toBuilder() {
        Builder b = new Builder(apiKey);
        b.baseUrl = baseUrl;
        b.connectTimeout = connectTimeout;
        b.requestTimeout = requestTimeout;
        return b;
    }

    /** Builds {@link CloudOptions}; every setter validates its argument. */
    public static final class Builder {
        private final Secret apiKey;
        private URI baseUrl = DEFAULT_BASE_URL;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);

        private Builder(Secret apiKey) {
            this.apiKey = apiKey;
        }

        /**

         * @param baseUrl the API's base URL (default {@link #DEFAULT_BASE_URL})

         * @return this

         */
        public Builder baseUrl(URI baseUrl) {
            this.baseUrl = requireNonNull(baseUrl, "CloudOptions.baseUrl");
            return this;
        }

        /**

         * @param timeout the wait for a connection (default 10 s)

         * @return this

         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = requirePositive(timeout, "CloudOptions.connectTimeout");
            return this;
        }

        /**

         * @param timeout the wait for a response (default 60 s)

         * @return this

         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = requirePositive(timeout, "CloudOptions.requestTimeout");
            return this;
        }

        /** @return the options */
        public CloudOptions build() {
            return new CloudOptions(apiKey, baseUrl, connectTimeout, requestTimeout);
        }
    }
}

package ai.letta.code.api.backend;

import static ai.letta.code.internal.Checks.requireNonNull;
import static ai.letta.code.internal.Checks.requirePositive;

import ai.letta.code.api.exception.ConfigurationException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Options of the remote backend: one websocket to a Letta Code app server ({@code letta server}), shared by all
 * sessions of a client.
 *
 */
public final class RemoteOptions implements Backend {

    /** The app server's default address. */
    public static final URI DEFAULT_URL = URI.create("http://127.0.0.1:4500");

    private final URI url;
    private final Secret authToken;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final Duration reconnectBound;
    private final Duration pingInterval;
    private final int maxFrameBytes;

    private RemoteOptions(Builder b) {
        String scheme = b.url.getScheme();
        if (scheme == null || !scheme.matches("(?i)https?|wss?")) {
            throw new ConfigurationException(
                    "RemoteOptions.url must be an http(s):// or ws(s):// URL (got \"" + SafeUrl.of(b.url) + "\")");
        }
        url = b.url;
        authToken = b.authToken;
        connectTimeout = b.connectTimeout;
        requestTimeout = b.requestTimeout;
        reconnectBound = b.reconnectBound;
        pingInterval = b.pingInterval;
        maxFrameBytes = b.maxFrameBytes;
    }

    @Override
    public BackendKind kind() {
        return BackendKind.REMOTE;
    }

    /**
     * @return the server's URL as given; {@code http(s)://} is rewritten to {@code ws(s)://} and an empty path to
     *     {@code /ws} when connecting
     */
    public URI url() {
        return url;
    }

    /** @return the bearer token, sent only in the upgrade request, if the server needs one */
    public Optional<Secret> authToken() {
        return Optional.ofNullable(authToken);
    }

    /** @return the wait for the websocket handshake */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** @return the wait for a command's response */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** @return how long a dropped connection is retried before its sessions are closed */
    public Duration reconnectBound() {
        return reconnectBound;
    }

    /**
     * @return how often the websocket is pinged while quiet; a socket that receives nothing (not even a pong) for
     *     three intervals is dead, and is then reconnected or its sessions end
     */
    public Duration pingInterval() {
        return pingInterval;
    }

    /** @return the largest frame accepted */
    public int maxFrameBytes() {
        return maxFrameBytes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RemoteOptions r && url.equals(r.url) && Objects.equals(authToken, r.authToken)
                && connectTimeout.equals(r.connectTimeout) && requestTimeout.equals(r.requestTimeout)
                && reconnectBound.equals(r.reconnectBound) && pingInterval.equals(r.pingInterval)
                && maxFrameBytes == r.maxFrameBytes;
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, authToken, connectTimeout, requestTimeout, reconnectBound, pingInterval,
                maxFrameBytes);
    }

    /** The token shows as {@link Secret} does: redacted. */
    @Override
    public String toString() {
        // The URL without user info or query: either may carry a credential.
        return "RemoteOptions[url=" + SafeUrl.of(url) + ", authToken=" + authToken + ", connectTimeout="
                + connectTimeout + ", requestTimeout=" + requestTimeout + ", reconnectBound=" + reconnectBound
                + ", pingInterval=" + pingInterval
                + ", maxFrameBytes=" + maxFrameBytes + "]";
    }

    /** @return a builder with defaults ({@link #DEFAULT_URL}, no token) */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param env the environment to read, usually {@code System.getenv()}
     * @return a builder with the URL from {@code LETTA_APP_SERVER_URL} and the token from
     *     {@code LETTA_APP_SERVER_TOKEN}, where set
     */
    public static Builder fromEnvironment(Map<String, String> env) {
        Builder b = new Builder();
        String url = env.get("LETTA_APP_SERVER_URL");
        if (url != null && !url.isBlank()) {
            b.url(URI.create(url.strip()));
        }
        String token = env.get("LETTA_APP_SERVER_TOKEN");
        if (token != null && !token.isBlank()) {
            b.authToken(token);
        }
        return b;
    }

    /** @return a builder holding these options */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.url = url;
        b.authToken = authToken;
        b.connectTimeout = connectTimeout;
        b.requestTimeout = requestTimeout;
        b.reconnectBound = reconnectBound;
        b.pingInterval = pingInterval;
        b.maxFrameBytes = maxFrameBytes;
        return b;
    }

    /** Builds {@link RemoteOptions}; every setter validates its argument. */
    public static final class Builder {
        private URI url = DEFAULT_URL;
        private Secret authToken;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private Duration reconnectBound = Duration.ofSeconds(60);
        private Duration pingInterval = Duration.ofSeconds(30);
        private int maxFrameBytes = 64 * 1024 * 1024;

        private Builder() {}

        /**
         * @param url the server's URL
         * @return this
         */
        public Builder url(URI url) {
            this.url = requireNonNull(url, "RemoteOptions.url");
            return this;
        }

        /**
         * @param token the bearer token
         * @return this
         */
        public Builder authToken(String token) {
            this.authToken = Secret.of(token, "RemoteOptions.authToken");
            return this;
        }

        /**
         * @param timeout the wait for the websocket handshake (default 10 s)
         * @return this
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = requirePositive(timeout, "RemoteOptions.connectTimeout");
            return this;
        }

        /**
         * @param timeout the wait for a command's response (default 30 s)
         * @return this
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = requirePositive(timeout, "RemoteOptions.requestTimeout");
            return this;
        }

        /**
         * @param bound how long reconnects are tried before sessions close (default 60 s)
         * @return this
         */
        public Builder reconnectBound(Duration bound) {
            this.reconnectBound = requirePositive(bound, "RemoteOptions.reconnectBound");
            return this;
        }

        /**
         * @param interval how often a quiet websocket is pinged (default 30 s); nothing received for three
         *     intervals marks it dead
         * @return this
         */
        public Builder pingInterval(Duration interval) {
            this.pingInterval = requirePositive(interval, "RemoteOptions.pingInterval");
            return this;
        }

        /**
         * @param maxFrameBytes the largest frame accepted (default 64 MiB)
         * @return this
         */
        public Builder maxFrameBytes(int maxFrameBytes) {
            this.maxFrameBytes = requirePositive(maxFrameBytes, "RemoteOptions.maxFrameBytes");
            return this;
        }

        /** @return the options */
        public RemoteOptions build() {
            return new RemoteOptions(this);
        }
    }
}

package ai.letta.code.api.backend;

import static ai.letta.code.internal.Checks.requireNonNull;
import static ai.letta.code.internal.Checks.requirePositive;
import static ai.letta.code.internal.Checks.requireText;

import ai.letta.code.api.exception.ConfigurationException;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Options of the cloud backend: Letta Cloud (or any Letta API server that offers environments) with an API key.
 * The control plane (agents, conversations, environments, sandboxes, the Letta resources) is HTTPS; a session's
 * turns go through Letta Cloud's relay websocket to a Letta Code listener, in a managed sandbox or on a registered
 * machine ({@link ExecutionTarget}).
 *
 * <pre>{@code
 * CloudOptions options = CloudOptions.fromEnvironment(System.getenv())    // LETTA_API_KEY
 *         .target(ExecutionTarget.environment("my-laptop"))
 *         .build();
 * }</pre>
 *
 * @param apiKey the Letta API key (never printed: {@link Secret})
 * @param baseUrl the API's base URL; the relay websocket is derived from it ({@code https} → {@code wss})
 * @param headers extra headers on every request and websocket upgrade (e.g. {@code X-Project}); {@code toString()}
 *     shows their names only
 * @param connectTimeout the wait for a connection or websocket handshake
 * @param requestTimeout the wait for a response, HTTP or protocol command
 * @param reconnectBound how long a dropped relay socket is retried before its session is closed
 * @param pingInterval how often the relay sockets are pinged; three intervals without a frame mark one dead
 * @param webSocketAuth how the relay websocket carries the key
 * @param maxFrameBytes the largest relay frame accepted
 * @param target where sessions run unless a session says otherwise
 */
public record CloudOptions(Secret apiKey, URI baseUrl, Map<String, String> headers, Duration connectTimeout,
        Duration requestTimeout, Duration reconnectBound, Duration pingInterval, WebSocketAuth webSocketAuth,
        int maxFrameBytes, ExecutionTarget target) implements Backend {

    /** Letta Cloud's API. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.letta.com");

    /** The environment variable the key is read from; {@code LETTA_CLOUD_API_KEY} is the fallback. */
    public static final String API_KEY_VARIABLE = "LETTA_API_KEY";

    private static final Set<String> RESERVED_HEADERS = Set.of("authorization", "host", "content-length",
            "connection", "upgrade", "transfer-encoding");

    /** How the relay websocket authenticates. */
    public enum WebSocketAuth {
        /** {@code Authorization: Bearer <key>} on the upgrade request (the default). */
        HEADER,
        /** {@code ?token=<key>} in the URL, for proxies that strip upgrade headers. */
        QUERY
    }

    /**
     * Validates and copies.
     *
     * @param apiKey the Letta API key (never printed: {@link Secret})
     * @param baseUrl the API's base URL; the relay websocket is derived from it ({@code https} → {@code wss})
     * @param headers extra headers on every request and websocket upgrade (e.g. {@code X-Project}); {@code toString()}
     *     shows their names only
     * @param connectTimeout the wait for a connection or websocket handshake
     * @param requestTimeout the wait for a response, HTTP or protocol command
     * @param reconnectBound how long a dropped relay socket is retried before its session is closed
     * @param pingInterval how often the relay sockets are pinged; three intervals without a frame mark one dead
     * @param webSocketAuth how the relay websocket carries the key
     * @param maxFrameBytes the largest relay frame accepted
     * @param target where sessions run unless a session says otherwise
     */
    public CloudOptions {
        requireNonNull(apiKey, "CloudOptions.apiKey");
        requireNonNull(baseUrl, "CloudOptions.baseUrl");
        if (baseUrl.getScheme() == null || !baseUrl.getScheme().matches("(?i)https?") || baseUrl.getHost() == null) {
            throw new ConfigurationException("CloudOptions.baseUrl must be an http(s) URL with a host (got \""
                    + SafeUrl.of(baseUrl) + "\")");
        }
        if (baseUrl.getRawUserInfo() != null) {
            throw new ConfigurationException("CloudOptions.baseUrl must not carry credentials (got \""
                    + SafeUrl.of(baseUrl) + "\"); pass the key as CloudOptions.apiKey");
        }
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(headers, "CloudOptions.headers")));
        headers.forEach(CloudOptions::checkHeader);
        requirePositive(connectTimeout, "CloudOptions.connectTimeout");
        requirePositive(requestTimeout, "CloudOptions.requestTimeout");
        requirePositive(reconnectBound, "CloudOptions.reconnectBound");
        requirePositive(pingInterval, "CloudOptions.pingInterval");
        requireNonNull(webSocketAuth, "CloudOptions.webSocketAuth");
        requirePositive(maxFrameBytes, "CloudOptions.maxFrameBytes");
        requireNonNull(target, "CloudOptions.target");
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

    /**
     * @param env the environment to read, usually {@code System.getenv()}
     * @return a builder with the key from {@code LETTA_API_KEY} (or {@code LETTA_CLOUD_API_KEY}) and the base URL
     *     from {@code LETTA_BASE_URL} where set
     * @throws ConfigurationException if neither key variable is set
     */
    public static Builder fromEnvironment(Map<String, String> env) {
        String key = firstSet(env, API_KEY_VARIABLE, "LETTA_CLOUD_API_KEY");
        if (key == null) {
            throw new ConfigurationException("the cloud backend needs a Letta API key: set " + API_KEY_VARIABLE
                    + " or pass it to CloudOptions.builder(apiKey)");
        }
        Builder builder = builder(key);
        String base = firstSet(env, "LETTA_BASE_URL");
        if (base != null) {
            builder.baseUrl(URI.create(base.strip()));
        }
        return builder;
    }

    /** @return a builder holding these options */
    public Builder toBuilder() {
        Builder b = new Builder(apiKey);
        b.baseUrl = baseUrl;
        b.headers.putAll(headers);
        b.connectTimeout = connectTimeout;
        b.requestTimeout = requestTimeout;
        b.reconnectBound = reconnectBound;
        b.pingInterval = pingInterval;
        b.webSocketAuth = webSocketAuth;
        b.maxFrameBytes = maxFrameBytes;
        b.target = target;
        return b;
    }

    /** @return the options with header values and the key hidden */
    @Override
    public String toString() {
        return "CloudOptions[apiKey=" + apiKey + ", baseUrl=" + SafeUrl.of(baseUrl) + ", headers=" + headers.keySet()
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout + ", reconnectBound="
                + reconnectBound + ", pingInterval=" + pingInterval + ", webSocketAuth=" + webSocketAuth
                + ", maxFrameBytes=" + maxFrameBytes + ", target=" + target + "]";
    }

    private static void checkHeader(String name, String value) {
        requireText(name, "CloudOptions.headers name");
        requireNonNull(value, "CloudOptions.headers value of " + name);
        if (!name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
            throw new ConfigurationException("CloudOptions.headers: \"" + name + "\" is not a valid header name");
        }
        if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            throw new ConfigurationException("CloudOptions.headers: " + name + " is set by the SDK"
                    + (name.equalsIgnoreCase("authorization") ? " from CloudOptions.apiKey" : ""));
        }
        if (value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
            throw new ConfigurationException("CloudOptions.headers: the value of " + name
                    + " contains a line break or NUL");
        }
    }

    private static String firstSet(Map<String, String> env, String... names) {
        for (String name : names) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    /** Builds {@link CloudOptions}; every setter validates its argument. */
    public static final class Builder {
        private final Secret apiKey;
        private URI baseUrl = DEFAULT_BASE_URL;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private Duration reconnectBound = Duration.ofSeconds(60);
        private Duration pingInterval = Duration.ofSeconds(30);
        private WebSocketAuth webSocketAuth = WebSocketAuth.HEADER;
        private int maxFrameBytes = 64 * 1024 * 1024;
        private ExecutionTarget target = ExecutionTarget.sandbox();

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
         * @param name a header name (not one the SDK sets, such as {@code Authorization})
         * @param value its value
         * @return this
         */
        public Builder header(String name, String value) {
            checkHeader(name, value);
            headers.put(name, value);
            return this;
        }

        /**
         * @param timeout the wait for a connection or handshake (default 10 s)
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

        /**
         * @param bound how long a dropped relay socket is retried before the session closes (default 60 s)
         * @return this
         */
        public Builder reconnectBound(Duration bound) {
            this.reconnectBound = requirePositive(bound, "CloudOptions.reconnectBound");
            return this;
        }

        /**
         * @param interval how often relay sockets are pinged (default 30 s)
         * @return this
         */
        public Builder pingInterval(Duration interval) {
            this.pingInterval = requirePositive(interval, "CloudOptions.pingInterval");
            return this;
        }

        /**
         * @param auth how the relay websocket carries the key (default {@link WebSocketAuth#HEADER})
         * @return this
         */
        public Builder webSocketAuth(WebSocketAuth auth) {
            this.webSocketAuth = requireNonNull(auth, "CloudOptions.webSocketAuth");
            return this;
        }

        /**
         * @param maxFrameBytes the largest relay frame accepted (default 64 MiB)
         * @return this
         */
        public Builder maxFrameBytes(int maxFrameBytes) {
            this.maxFrameBytes = requirePositive(maxFrameBytes, "CloudOptions.maxFrameBytes");
            return this;
        }

        /**
         * @param target where sessions run (default {@link ExecutionTarget#sandbox()})
         * @return this
         */
        public Builder target(ExecutionTarget target) {
            this.target = requireNonNull(target, "CloudOptions.target");
            return this;
        }

        /** @return the options */
        public CloudOptions build() {
            return new CloudOptions(apiKey, baseUrl, headers, connectTimeout, requestTimeout, reconnectBound,
                    pingInterval, webSocketAuth, maxFrameBytes, target);
        }
    }
}

package ai.letta.code.transport.cloud.relay;

import ai.letta.code.api.backend.CloudOptions;
import ai.letta.code.transport.remote.internal.WebSocketTarget;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SDK's side of Letta Cloud's relay for one runtime:
 * {@code {base as ws(s)}/v1/environments/{connectionId}/status/ws?agentId=…&conversationId=…&channel=…}
 * (cloud.md §1.1), authenticated by header or, with {@link CloudOptions.WebSocketAuth#QUERY}, by {@code token=}.
 * Messages name the relay without its query, so never the key.
 *
 * @param options the cloud options (base URL, key, headers, timeouts)
 * @param connectionId the listener's current connection
 * @param agentId the runtime's agent
 * @param conversationId the runtime's conversation ({@code default} for the agent's main thread)
 */
public record RelayAddress(CloudOptions options, String connectionId, String agentId, String conversationId) {

    /** The relay's two sockets: commands and responses, and the stream of events. */
    enum Channel {
        CONTROL, STREAM;

        String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** @return the relay endpoint as messages name it (no query) */
    public String description() {
        return "the Letta Cloud relay at " + endpoint();
    }

    WebSocketTarget target(Channel channel) {
        StringBuilder query = new StringBuilder()
                .append("agentId=").append(encode(agentId))
                .append("&conversationId=").append(encode(conversationId))
                .append("&channel=").append(channel.wire());
        Map<String, String> headers = new LinkedHashMap<>(options.headers());
        if (options.webSocketAuth() == CloudOptions.WebSocketAuth.QUERY) {
            query.append("&token=").append(encode(options.apiKey().reveal()));
        } else {
            headers.put("Authorization", "Bearer " + options.apiKey().reveal());
        }
        return new WebSocketTarget(URI.create(endpoint() + "?" + query), description(), headers,
                options.connectTimeout(), options.maxFrameBytes(), "CloudOptions",
                "check CloudOptions.apiKey (" + CloudOptions.API_KEY_VARIABLE + ")", "", options.pingInterval());
    }

    private String endpoint() {
        URI base = options.baseUrl();
        String scheme = base.getScheme().equalsIgnoreCase("https") ? "wss" : "ws";
        String path = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
        return scheme + "://" + base.getHost() + (base.getPort() > 0 ? ":" + base.getPort() : "") + path
                + "/v1/environments/" + encode(connectionId) + "/status/ws";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

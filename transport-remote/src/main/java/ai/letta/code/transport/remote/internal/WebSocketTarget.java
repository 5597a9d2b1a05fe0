package ai.letta.code.transport.remote.internal;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Where a {@link WebSocketConnection} goes, and how its failures are worded. The headers (and, with query auth, the
 * URI) hold credentials: {@link #toString()} shows only the description.
 *
 * @param uri the {@code ws://} or {@code wss://} address
 * @param description the peer as messages name it (never a secret)
 * @param headers the upgrade request's extra headers, e.g. {@code Authorization}
 * @param connectTimeout the longest the connect and the handshake may take
 * @param maxFrameBytes the largest frame accepted
 * @param optionsName the options record users set these with, e.g. {@code RemoteOptions}
 * @param authHint what to check after a 401/403, e.g. which option or variable holds the key
 * @param unreachableHint appended to "could not connect" messages (may be empty)
 * @param pingInterval how often an idle socket sends a websocket ping; a socket that receives nothing for three
 *     intervals is dropped as dead. {@code null}: no pings, no idle check
 */
public record WebSocketTarget(URI uri, String description, Map<String, String> headers, Duration connectTimeout,
        int maxFrameBytes, String optionsName, String authHint, String unreachableHint, Duration pingInterval) {

    /**
     * Copies the headers and checks that nothing is missing.
     *
     * @param uri the {@code ws://} or {@code wss://} address
     * @param description the peer as messages name it (never a secret)
     * @param headers the upgrade request's extra headers
     * @param connectTimeout the longest the connect and the handshake may take
     * @param maxFrameBytes the largest frame accepted
     * @param optionsName the options record users set these with
     * @param authHint what to check after a 401/403
     * @param unreachableHint appended to "could not connect" messages (may be empty)
     * @param pingInterval how often an idle socket sends a websocket ping, or {@code null} for none
     */
    public WebSocketTarget {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(description, "description");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(optionsName, "optionsName");
        Objects.requireNonNull(authHint, "authHint");
        Objects.requireNonNull(unreachableHint, "unreachableHint");
    }

    String timeoutOption() {
        return optionsName + ".connectTimeout";
    }

    String frameLimitOption() {
        return optionsName + ".maxFrameBytes";
    }

    @Override
    public String toString() {
        return description;
    }
}

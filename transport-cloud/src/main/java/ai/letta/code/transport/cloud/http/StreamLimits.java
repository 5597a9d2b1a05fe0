package ai.letta.code.transport.cloud.http;

import ai.letta.code.internal.Checks;
import java.time.Duration;

/**
 * The bounds of one event stream ({@link LettaHttp#stream}): how long to wait for the response headers, how long
 * the server may stay silent between two events (pings count), and how large one event may be.
 *
 * @param headersTimeout the wait for the status line and headers, from the moment the request is written
 * @param idleTimeout the most time between two events
 * @param maxEventBytes the most bytes of one event on the wire
 */
public record StreamLimits(Duration headersTimeout, Duration idleTimeout, int maxEventBytes) {

    /** The default event cap: a tool return or a whole memory block in one message. */
    public static final int DEFAULT_MAX_EVENT_BYTES = 8 * 1024 * 1024;

    /**
     * Validates.
     *
     * @param headersTimeout the wait for the status line and headers, from the moment the request is written
     * @param idleTimeout the most time between two events
     * @param maxEventBytes the most bytes of one event on the wire
     */
    public StreamLimits {
        Checks.requirePositive(headersTimeout, "StreamLimits.headersTimeout");
        Checks.requirePositive(idleTimeout, "StreamLimits.idleTimeout");
        Checks.requirePositive(maxEventBytes, "StreamLimits.maxEventBytes");
    }

    /**
     * @param settings the client's settings
     * @return {@code requestTimeout} for the headers and between events, {@link #DEFAULT_MAX_EVENT_BYTES}
     */
    public static StreamLimits of(HttpSettings settings) {
        return new StreamLimits(settings.requestTimeout(), settings.requestTimeout(), DEFAULT_MAX_EVENT_BYTES);
    }
}

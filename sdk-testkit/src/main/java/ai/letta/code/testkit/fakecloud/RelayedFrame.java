package ai.letta.code.testkit.fakecloud;

import java.time.Instant;

/**
 * One frame the relay received, as {@link FakeLettaCloud#relayedFrames()} logs it.
 *
 * @param from         who sent it
 * @param connectionId the listener connection it belongs to
 * @param channel      the sender socket's {@code channel} query ({@code control}, {@code stream}, or "" for none)
 * @param text         the frame as received
 * @param deliveries   how many sockets it was passed to (0: dropped, e.g. no SDK socket or an offline listener;
 *                     pings and acks the relay answers itself count 0)
 */
public record RelayedFrame(Instant at, From from, String connectionId, String channel, String text, int deliveries) {

    /** The sending side. */
    public enum From {
        /** A listener. */
        LISTENER,
        /** An SDK. */
        SDK
    }

    /** @return the frame's {@code type}, or "" when it has none */
    public String type() {
        return CloudWire.object(text).map(frame -> frame.path("type").asString("")).orElse("");
    }
}

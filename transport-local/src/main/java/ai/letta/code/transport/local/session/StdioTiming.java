package ai.letta.code.transport.local.session;

import ai.letta.code.api.backend.LocalOptions;
import ai.letta.code.core.turn.QuietFlush;
import java.time.Duration;

/**
 * The waits of a stdio session.
 *
 * @param requestTimeout how long the engine waits for an answer ({@link LocalOptions#requestTimeout()})
 * @param closeGrace how long an idle CLI may take to exit after stdin EOF ({@link LocalOptions#closeGracePeriod()})
 * @param interruptGrace how long an interrupted turn may take to end before the channel ends it and replaces the
 *     process (the CLI ends it only when its model stream yields again)
 * @param quietFlush how long a joined message may wait for its next chunk before it is emitted
 */
record StdioTiming(Duration requestTimeout, Duration closeGrace, Duration interruptGrace, Duration quietFlush) {

    /** The CLI ends an interrupted turn within about 100 ms while its model streams; 2 s means it will not. */
    static final Duration INTERRUPT_GRACE = Duration.ofSeconds(2);
    /** Longer than the gaps of a streaming model, short enough that reasoning shows while a model pauses. */
    static final Duration QUIET_FLUSH = QuietFlush.DEFAULT_QUIET;

    /**
     * @param options the local backend's options
     * @return the defaults, the interrupt grace capped at half the request timeout so it always comes first
     */
    static StdioTiming of(LocalOptions options) {
        Duration half = options.requestTimeout().dividedBy(2);
        return new StdioTiming(options.requestTimeout(), options.closeGracePeriod(),
                INTERRUPT_GRACE.compareTo(half) < 0 ? INTERRUPT_GRACE : half, QUIET_FLUSH);
    }
}

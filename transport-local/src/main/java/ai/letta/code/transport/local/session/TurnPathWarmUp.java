package ai.letta.code.transport.local.session;

import ai.letta.code.core.spi.DiscardingSink;
import ai.letta.code.spi.SessionSink;
import ai.letta.code.transport.local.wire.NdjsonCodec;
import ai.letta.code.transport.local.wire.WireMessage;
import java.util.List;

/**
 * Runs a first turn's client-side code once per client, on canned lines, while the client's first CLI boots. On a
 * cold JVM the first real turn otherwise loads and links the codec's, the mapper's and the events' classes and
 * spins their lambdas while the user waits; worse, on a 2-core machine the JIT compiles this triggers (measured: a C2
 * thread busy 80–150 ms during the first turn, compiling the lambda spinner's bytecode writer) take the core the
 * CLI needs for the turn. Done here, that work overlaps the CLI's boot (about a second), which the session waits for
 * anyway. Nothing it produces leaves this class: the events go to a sink that discards them.
 */
final class TurnPathWarmUp {

    /** Where the canned turn's events go in production: nowhere. */
    static final SessionSink DISCARD = DiscardingSink.INSTANCE;

    private TurnPathWarmUp() {}

    /**
     * Encodes a user line and decodes and maps one line of each kind a turn reads, the first time for this codec;
     * later calls return at once.
     *
     * @param codec the client's codec
     * @param sink where the canned turn's events go ({@link #DISCARD}; tests record them)
     */
    static void run(NdjsonCodec codec, SessionSink sink) {
        List<WireMessage.Decoded> lines = codec.warmUp();
        if (lines.isEmpty()) {
            return;
        }
        WireEventMapper mapper = new WireEventMapper(sink, codec, new QueueModel(), line -> { }, false, () -> { });
        lines.forEach(mapper::accept);
        mapper.flush();
    }
}

package ai.letta.code.transport.remote.internal;

import ai.letta.code.api.exception.MalformedFrameException;
import ai.letta.code.spi.Redaction;
import java.lang.System.Logger.Level;

/**
 * Where a socket's frames go, on the event loop: decoded, then to the session of their runtime
 * ({@link RuntimeRouter}) and to the requests waiting for an answer ({@link RequestCorrelator}); the socket's end
 * goes to the {@link Reconnector}. A frame that cannot be decoded or handled is logged and skipped: the server
 * ignores what it cannot parse, and one bad frame must not end the sessions.
 */
final class FrameDispatcher implements FrameChannel.Listener {

    private static final System.Logger LOG = System.getLogger(FrameDispatcher.class.getName());

    private final FrameCodec codec;
    private final RuntimeRouter router;
    private final RequestCorrelator correlator;
    private final Runnable detach;
    private final Reconnector reconnector;

    /**
     * @param codec decodes the frames
     * @param router the sessions
     * @param correlator the waiting requests
     * @param detach forgets the socket (called first when it ends)
     * @param reconnector handles the socket's end
     */
    FrameDispatcher(FrameCodec codec, RuntimeRouter router, RequestCorrelator correlator, Runnable detach,
            Reconnector reconnector) {
        this.codec = codec;
        this.router = router;
        this.correlator = correlator;
        this.detach = detach;
        this.reconnector = reconnector;
    }

    @Override
    public void onText(String text) {
        ServerFrame frame;
        try {
            frame = codec.decode(text);
        } catch (MalformedFrameException e) {
            LOG.log(Level.WARNING, e.getMessage());
            router.malformed(e.getMessage());
            return;
        }
        try {
            router.route(frame);
            correlator.offer(frame);
        } catch (RuntimeException e) {
            // The message only: a handler's exception may quote the frame, which the log must not carry whole.
            LOG.log(Level.WARNING, "could not handle a frame of type {0}: {1}", frame.type(),
                    Redaction.text(e.toString()));
            LOG.log(Level.DEBUG, "the handler's failure", e);
        }
    }

    @Override
    public void onClosed(int closeCode, Throwable cause) {
        detach.run();
        reconnector.onLost(closeCode, cause);
    }
}

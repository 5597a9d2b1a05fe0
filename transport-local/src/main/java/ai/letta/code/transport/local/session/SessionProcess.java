package ai.letta.code.transport.local.session;

import ai.letta.code.api.exception.FrameTooLongException;
import ai.letta.code.api.exception.TransportLostException;
import ai.letta.code.transport.local.process.CliStartupFailure;
import ai.letta.code.transport.local.process.StdioTransport;
import ai.letta.code.transport.local.wire.WireMessage;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One CLI process of a session, as its {@link StdioSessionChannel} sees it: the transport, the handshake, the
 * permission requests it asked (an answer is written only to the process that asked), and whether it was retired
 * (replaced after an interrupt it could not finish: what it still prints or reports is ignored).
 *
 * <p>A process that ends before its handshake fails the handshake with its exit code and stderr tail; the
 * channel hears only about processes that got as far as {@code system/init}. Thread-safe.
 */
final class SessionProcess implements StdioTransport.Listener {

    /** What the channel hears from its processes, each call naming the process. */
    interface Events {
        void line(SessionProcess from, String line);

        void lineTooLong(SessionProcess from, FrameTooLongException tooLong);

        void ended(SessionProcess from, boolean requested, Integer exitCode);

        /** @return the session's conversation */
        String conversationId();
    }

    final CompletableFuture<WireMessage.SystemInit> handshake = new CompletableFuture<>();
    final Set<String> asked = ConcurrentHashMap.newKeySet();
    private final Events events;
    private volatile StdioTransport transport;
    private volatile boolean retired;
    /** The CLI's last {@code type:error} line before its handshake (see {@link CliStartupFailure}). */
    private volatile String startupError;

    /** @param events where lines and the end go */
    SessionProcess(Events events) {
        this.events = events;
    }

    /** @return the process, once started */
    StdioTransport transport() {
        return transport;
    }

    /** From now on, nothing this process prints or reports reaches the session. */
    void retire() {
        retired = true;
    }

    boolean retired() {
        return retired;
    }

    /**
     * @param exitCode how it ended
     * @return the error that closes the session when this process ends unasked
     */
    TransportLostException lost(Integer exitCode) {
        StdioTransport t = transport;
        return new TransportLostException("the Letta Code CLI (pid " + (t == null ? "?" : t.pid()) + ") "
                + (exitCode == null ? "stopped" : "exited with code " + exitCode) + " while the session was open"
                + (t == null ? "" : t.stderr().forMessage()), exitCode, t == null ? null : t.stderr().text(), null);
    }

    /**
     * Notes an error the CLI printed before its handshake, so a process that then exits is reported with it.
     *
     * @param message the {@code type:error} line's message
     */
    void reportedBeforeHandshake(String message) {
        startupError = message;
    }

    @Override
    public void attached(StdioTransport t) {
        transport = t;
    }

    @Override
    public void line(String line) {
        if (!retired) {
            events.line(this, line);
        }
    }

    @Override
    public void lineTooLong(FrameTooLongException tooLong) {
        if (!retired) {
            events.lineTooLong(this, tooLong);
        }
    }

    @Override
    public void ended(boolean requested, Integer exitCode) {
        if (!handshake.isDone()) {
            handshake.completeExceptionally(CliStartupFailure.of(transport, exitCode, startupError));
        } else if (!retired) {
            events.ended(this, requested, exitCode);
        }
    }

    @Override
    public String conversationId() {
        return retired ? null : events.conversationId();
    }
}

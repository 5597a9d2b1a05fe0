package ai.letta.code.testkit.script;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What both scripted fakes ({@code FakeLettaApi}, {@code FakeModelEndpoint}) offer a test: a loopback HTTP server
 * that records every request and answers turns from a {@link ScriptQueue} of {@link TurnScript}s, then from a
 * {@link Responder}. Subclasses say what a turn request is and how a step is rendered on their wire.
 *
 * <p>Thread-safe. The server binds in the constructor, but its port is published only once the subclass is built,
 * so no request reaches {@link #serve} before then.
 */
public abstract class ScriptedServer implements AutoCloseable {

    /** Every request, in arrival order. */
    protected final RequestJournal journal = new RequestJournal();
    /** The scripts turns are answered from. */
    protected final ScriptQueue scripts;
    private final LoopbackHttpServer server;

    /**
     * @param threadName name of the server's event-loop thread
     * @param responder  the fallback when no queued script is waiting
     */
    protected ScriptedServer(String threadName, Responder responder) {
        this.scripts = new ScriptQueue(responder);
        this.server = LoopbackHttpServer.start(threadName, journal, this::serve);
    }

    /**
     * Like {@link #ScriptedServer(String, Responder)}, and websocket upgrades to the paths {@code webSockets}
     * handles are served on the same port; null means none.
     *
     * @param threadName the event loop thread's name
     * @param responder answers turns no queued script is waiting for
     * @param webSockets the websocket endpoint, or null
     */
    protected ScriptedServer(String threadName, Responder responder, WebSocketEndpoint webSockets) {
        this.scripts = new ScriptQueue(responder);
        this.server = webSockets == null ? LoopbackHttpServer.start(threadName, journal, this::serve)
                : LoopbackHttpServer.start(threadName, journal, this::serve, webSockets);
    }

    /**
     * Answers one request, on the server's event-loop thread; must not block.
     *
     * @param exchange the request and its answer
     */
    protected abstract void serve(HttpExchange exchange);

    /** @return the base URL a client is configured with */
    public abstract URI baseUrl();

    /** @return the turn requests answered so far, parsed as the scripts saw them, oldest first */
    public abstract List<TurnRequest> turns();

    /**
     * @param turn one of {@link #turns()}
     * @return the system prompt the model received with that turn, if this fake can tell
     */
    public abstract Optional<String> systemPromptOf(TurnRequest turn);

    /** @return {@code http://127.0.0.1:<port>} */
    protected final String origin() {
        return server.origin();
    }

    /** @return the bound loopback port */
    public final int port() {
        return server.port();
    }

    /**
     * Queues a script for the next turn.
     *
     * @param script the script
     */
    public final void enqueue(TurnScript script) {
        scripts.enqueue(script);
    }

    /**
     * Forgets every queued script and the rest of the active ones (see {@link ScriptQueue#clear()}), e.g. between
     * tests that share one fake; the recorded requests and the responder stay.
     */
    public final void clear() {
        scripts.clear();
    }

    /**
     * Replaces the fallback used when no queued script is waiting.
     *
     * @param responder the new fallback
     */
    public final void responder(Responder responder) {
        scripts.responder(responder);
    }

    /** @return queued scripts that no turn has started yet */
    public final int pendingScripts() {
        return scripts.pending();
    }

    /**
     * The oldest request not taken yet, waiting up to {@code timeout}; fails with an AssertionError if none.
     *
     * @param timeout the longest wait
     * @return the request
     */
    public final RecordedRequest takeRequest(Duration timeout) {
        return journal.take(timeout);
    }

    /**
     * The oldest request not taken yet, or empty after {@code timeout}.
     *
     * @param timeout the longest wait
     * @return the request, or empty
     */
    public final Optional<RecordedRequest> pollRequest(Duration timeout) {
        return journal.poll(timeout);
    }

    /**
     * The first request (taken or not) matching {@code filter}, waiting up to {@code timeout}.
     *
     * @param filter the request wanted
     * @param timeout the longest wait
     * @return the request
     */
    public final RecordedRequest awaitRequest(Predicate<RecordedRequest> filter, Duration timeout) {
        return journal.await(filter, timeout);
    }

    /** @return how many requests arrived */
    public final int requestCount() {
        return journal.count();
    }

    /** @return every request so far, oldest first */
    public final List<RecordedRequest> requests() {
        return journal.all();
    }

    /** Stops serving; closes every connection, held streams included. Idempotent. */
    @Override
    public final void close() {
        server.close();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + baseUrl() + ", " + journal.count() + " requests]";
    }
}

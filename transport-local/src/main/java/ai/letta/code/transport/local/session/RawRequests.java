package ai.letta.code.transport.local.session;

import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.command.CommandResponse;
import ai.letta.code.api.command.ResponseMatcher;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.exception.OperationTimeoutException;
import ai.letta.code.api.exception.SessionClosedException;
import ai.letta.code.api.exception.UnsupportedFeatureException;
import ai.letta.code.internal.Checks;
import ai.letta.code.spi.AcceptedCommands;
import ai.letta.code.transport.local.wire.NdjsonCodec;
import ai.letta.code.transport.local.wire.WireMessage;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * Raw commands awaiting an answer ({@code sendCommand(command, matcher)}). The stdout reader offers every line to
 * every waiter as a {@link CommandResponse}; the waiting caller runs the {@link ResponseMatcher} on its own thread,
 * so user code never runs on the reader.
 *
 * <p>A {@code control_response} is offered as its inner {@code response} object with {@code type} set to
 * {@code control_response}, so its {@code request_id} sits at the top level where
 * {@link CommandResponse#requestId()} and {@link ResponseMatcher#type(String)} look. Other lines are offered whole.
 */
final class RawRequests {

    /** The stdin line types CLI 0.32.18 reads; any other gets an {@code error} line and no answer (local-stdio.md §3.1). */
    static final Set<String> STDIN_TYPES = Set.of("user", "control_request", "control_response");

    /**
     * The control request subtypes CLI 0.32.18's headless loop handles; any other is answered "Unknown control
     * request subtype" (local-stdio.md §3.1; {@code headless.ts} of the 0.32.18 bundle). The app server's commands,
     * such as {@code sync} or {@code change_device_state}, have no stdio equivalent.
     */
    static final Set<String> CONTROL_SUBTYPES = Set.of("initialize", "interrupt", "register_external_tools",
            "bootstrap_session_state", "list_messages", "recover_pending_approvals");

    /** What {@link #line} sends: the stdin types as given, and each control subtype by its name, seed style. */
    static final AcceptedCommands ACCEPTED = new AcceptedCommands(BackendKind.LOCAL, union(STDIN_TYPES,
            CONTROL_SUBTYPES), "a subtype name is sent as a control_request of that subtype, and a control_request's"
            + " request.subtype must be one of " + String.join(", ", new TreeSet<>(CONTROL_SUBTYPES))
            + "; app-server commands such as sync or change_device_state are for the remote and cloud backends");

    private static final CommandResponse CLOSED = new CommandResponse("(closed)", Map.of());

    private final NdjsonCodec codec;
    private final Set<BlockingQueue<CommandResponse>> waiters = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    RawRequests(NdjsonCodec codec) {
        this.codec = codec;
    }

    /** @param line a decoded stdout line; offered only while someone waits (only then is its tree needed) */
    void offer(WireMessage.Decoded line) {
        if (waiters.isEmpty()) {
            return;
        }
        JsonNode tree = line.tree();
        if (tree == null) {
            return;
        }
        CommandResponse candidate;
        String type = NdjsonCodec.text(tree, "type");
        if ("control_response".equals(type) && tree.path("response").isObject()) {
            Map<String, Object> body = new LinkedHashMap<>(codec.map(tree.path("response")));
            body.put("type", "control_response");
            candidate = new CommandResponse("control_response", body);
        } else {
            candidate = new CommandResponse(type, codec.map(tree));
        }
        waiters.forEach(q -> q.offer(candidate));
    }

    /**
     * Sends through {@code send} and waits for the first line {@code matcher} accepts.
     *
     * @param requestId the command's request id
     * @param send writes the command (after the waiter is registered, so a fast answer is not missed)
     * @param matcher picks the answer
     * @param timeout the wait
     * @return the answer
     */
    CommandResponse await(String requestId, Runnable send, ResponseMatcher matcher, Duration timeout) {
        BlockingQueue<CommandResponse> queue = new LinkedBlockingQueue<>();
        waiters.add(queue);
        try {
            if (closed) {
                throw closedException();
            }
            send.run();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                long left = deadline - System.nanoTime();
                CommandResponse next = left <= 0 ? null : queue.poll(left, TimeUnit.NANOSECONDS);
                if (next == null) {
                    throw new OperationTimeoutException("no answer to the raw command with request_id \"" + requestId
                            + "\" within " + timeout.toMillis() + " ms; raise the timeout (LocalOptions.requestTimeout"
                            + " or the command's own) or check the ResponseMatcher");
                }
                if (next == CLOSED) {
                    throw closedException();
                }
                if (matcher.matches(requestId, next)) {
                    return next;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SessionClosedException("interrupted while waiting for the answer to " + requestId, e);
        } finally {
            waiters.remove(queue);
        }
    }

    /** Wakes every waiter with a {@link SessionClosedException}. */
    void close() {
        closed = true;
        waiters.forEach(q -> q.offer(CLOSED));
    }

    private static void requireSubtype(Object subtype, String feature) {
        if (!CONTROL_SUBTYPES.contains(subtype)) {
            throw new UnsupportedFeatureException(feature, BackendKind.LOCAL, Set.of(), "the CLI's stdio understands"
                    + " the types " + String.join(", ", ACCEPTED.types()) + " (" + ACCEPTED.note() + ")");
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static SessionClosedException closedException() {
        return new SessionClosedException("the session closed before the raw command was answered; open a new"
                + " session or resumeSession(conversationId)");
    }

    /**
     * A raw command on stdio: {@code user}, {@code control_request} and {@code control_response} lines go out as
     * given; anything else becomes a control request named by its {@code subtype} (or, seed style, its
     * {@code type}), e.g. {@code {"type":"bootstrap_session_state","request_id":"b1"}}.
     *
     * @param codec the codec
     * @param command the user's raw command
     * @return the stdin line
     * @throws ConfigurationException if a control request lacks its {@code request_id}
     * @throws UnsupportedFeatureException if the CLI would not answer it (a type or subtype it does not handle)
     */
    static String line(NdjsonCodec codec, Map<String, Object> command) {
        Checks.requireNonNull(command, "command");
        Object type = command.get("type");
        if ("control_request".equals(type)) {
            Object subtype = command.get("request") instanceof Map<?, ?> request ? request.get("subtype") : null;
            requireSubtype(subtype, "control_request with request.subtype \"" + subtype + "\"");
        }
        if (STDIN_TYPES.contains(type)) {
            return codec.write(command);
        }
        requireSubtype(type, "sendCommand of type \"" + type + "\"");
        Object requestId = command.get("request_id");
        if (requestId == null) {
            throw new ConfigurationException("a raw command needs a request_id (got " + command.keySet() + ")");
        }
        Map<String, Object> request = new LinkedHashMap<>(command);
        request.remove("request_id");
        request.remove("type");
        request.putIfAbsent("subtype", type);
        return codec.controlRequest(requestId.toString(), request);
    }
}

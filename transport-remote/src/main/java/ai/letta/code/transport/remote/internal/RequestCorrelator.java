package ai.letta.code.transport.remote.internal;

import ai.letta.code.api.exception.LettaCodeException;
import ai.letta.code.api.exception.OperationTimeoutException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Matches responses to the commands that asked for them. A response is matched on its {@code request_id} AND a
 * predicate (usually its type): server-chosen ids such as {@code perm-…} share the field, so the id alone is not
 * enough (spec §3.2, §6.3). The server silently drops commands it cannot parse, so every request carries a timeout
 * whose message names the command. A user's predicate (a raw command's {@code ResponseMatcher}) runs on an executor
 * of its own, never on the event loop, so a slow or blocking matcher cannot stall the socket. Thread-safe: requests
 * register from caller threads, frames arrive on the event loop.
 */
final class RequestCorrelator {

    private final ScheduledExecutorService timer;
    private final String peer;
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong requestIds = new AtomicLong();

    /** @param timer schedules the timeouts (the connection's event loop) */
    /**
     * @param timer runs the timeouts (the event loop)
     * @param peer the peer as messages name it
     */
    RequestCorrelator(ScheduledExecutorService timer, String peer) {
        this.timer = timer;
        this.peer = peer;
    }

    /**
     * @param prefix what the id says about the command, e.g. {@code rs} for {@code runtime_start}
     * @return a fresh request id, unique for this client
     */
    String nextRequestId(String prefix) {
        return prefix + "-" + requestIds.incrementAndGet();
    }

    /**
     * Registers an expected answer. Register before sending, so a fast answer cannot be missed.
     *
     * @param requestId the id the command is sent with ({@code null} to match on the predicate alone)
     * @param command the command's type, for the timeout message
     * @param matches which frame answers (called on the event loop; must be quick)
     * @param timeout how long to wait
     * @return completes with the answer, or fails with an {@link OperationTimeoutException} or the connection's loss
     */
    CompletableFuture<ServerFrame> expect(String requestId, String command, Predicate<ServerFrame> matches,
            Duration timeout) {
        return register(new Pending(requestId, null, matches, null, new CompletableFuture<>()), requestId, command,
                timeout);
    }

    /**
     * Registers an expected answer whose matcher is user code: every frame that passes {@code candidates} (tested on
     * the event loop, must be quick) is handed to {@code matches} on {@code executor}, in arrival order, until one
     * matches. A matcher that throws matches nothing.
     *
     * @param requestId the id the command is sent with, for the timeout message
     * @param command the command's type, for the timeout message
     * @param candidates which frames the matcher sees
     * @param matches the user's matcher
     * @param executor where the matcher runs (one thread: calls never overlap)
     * @param timeout how long to wait
     * @return completes with the first frame the matcher accepts, or fails like {@link #expect}
     */
    CompletableFuture<ServerFrame> expectOffLoop(String requestId, String command, Predicate<ServerFrame> candidates,
            Predicate<ServerFrame> matches, Executor executor, Duration timeout) {
        return register(new Pending(null, candidates, matches, executor, new CompletableFuture<>()), requestId,
                command, timeout);
    }

    private CompletableFuture<ServerFrame> register(Pending entry, String requestId, String command,
            Duration timeout) {
        long key = ids.incrementAndGet();
        CompletableFuture<ServerFrame> answer = entry.answer;
        entry.timeout = timer.schedule(() -> {
            if (pending.remove(key) != null) {
                answer.completeExceptionally(new OperationTimeoutException(peer + " did not answer `"
                        + command + "` (request_id " + requestId + ") within " + timeout.toMillis()
                        + " ms (requestTimeout); the protocol drops commands with invalid fields unanswered"));
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        pending.put(key, entry);
        answer.whenComplete((frame, error) -> {
            pending.remove(key);
            entry.timeout.cancel(false);
        });
        return answer;
    }

    /**
     * Offers a frame to the waiting requests; the first match completes.
     *
     * @param frame a frame from the server
     * @return whether a request took it
     */
    boolean offer(ServerFrame frame) {
        for (Iterator<Map.Entry<Long, Pending>> it = pending.entrySet().iterator(); it.hasNext(); ) {
            Pending entry = it.next().getValue();
            if (entry.executor != null) {
                handOff(entry, frame);
                continue;
            }
            boolean idMatches = entry.requestId == null || entry.requestId.equals(frame.requestId());
            if (idMatches && safeTest(entry.matches, frame)) {
                it.remove();
                entry.answer.complete(frame);
                return true;
            }
        }
        return false;
    }

    /** @param cause fails every waiting request with it (the connection is gone) */
    void failAll(LettaCodeException cause) {
        for (Iterator<Map.Entry<Long, Pending>> it = pending.entrySet().iterator(); it.hasNext(); ) {
            Pending entry = it.next().getValue();
            it.remove();
            entry.answer.completeExceptionally(cause);
        }
    }

    /** @return how many requests wait */
    int waiting() {
        return pending.size();
    }

    private static void handOff(Pending entry, ServerFrame frame) {
        if (!safeTest(entry.candidates, frame)) {
            return;
        }
        try {
            entry.executor.execute(() -> {
                if (!entry.answer.isDone() && safeTest(entry.matches, frame)) {
                    entry.answer.complete(frame);
                }
            });
        } catch (RejectedExecutionException e) {
            // The client is closing; the request fails with the connection.
        }
    }

    private static boolean safeTest(Predicate<ServerFrame> matches, ServerFrame frame) {
        try {
            return matches.test(frame);
        } catch (RuntimeException e) {
            // A user's raw matcher that throws matches nothing; the request then times out with its message.
            return false;
        }
    }

    private static final class Pending {
        final String requestId;
        final Predicate<ServerFrame> candidates;
        final Predicate<ServerFrame> matches;
        final Executor executor;
        final CompletableFuture<ServerFrame> answer;
        volatile ScheduledFuture<?> timeout;

        Pending(String requestId, Predicate<ServerFrame> candidates, Predicate<ServerFrame> matches,
                Executor executor, CompletableFuture<ServerFrame> answer) {
            this.requestId = requestId;
            this.candidates = candidates;
            this.matches = matches;
            this.executor = executor;
            this.answer = answer;
        }
    }
}

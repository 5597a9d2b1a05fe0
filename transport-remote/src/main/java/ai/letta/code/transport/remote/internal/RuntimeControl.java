package ai.letta.code.transport.remote.internal;

import ai.letta.code.api.permission.PermissionDecision;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * The runtime-scoped commands a session sends besides its inputs: abort ({@code abort_message}), the queue
 * ({@code resume_queue}, {@code remove_queue_item}) and approval answers. Each blocking method waits at most the
 * request timeout; the {@code *Async} ones never block and may be called on the event loop. Thread-safe.
 */
final class RuntimeControl {

    static final int ABORT_ATTEMPTS = 10;
    static final long ABORT_RETRY_MS = 150;

    private final ServerConnection connection;
    private final RuntimeKey key;

    RuntimeControl(ServerConnection connection, RuntimeKey key) {
        this.connection = connection;
        this.key = key;
    }

    /**
     * @return whether a turn or an approval was interrupted ({@code aborted:false} while a turn is starting means the
     *     model had not begun yet, spec §4.5)
     */
    boolean abort() {
        return await(command("abort_message", "abort"), "abort_message", "abort_message_response").json()
                .path("aborted").asBoolean(false);
    }

    /**
     * Interrupts the running turn ({@code abort_message}), then resumes the queue the server paused, so inputs queued
     * behind the turn still run. The server ignores an abort that comes before the model started ({@code aborted:false}
     * while a turn is in flight, spec §4.5), so it is repeated while {@code turnInFlight} holds: at most
     * {@value #ABORT_ATTEMPTS} times, {@value #ABORT_RETRY_MS} ms apart.
     *
     * @param turnInFlight whether a turn still runs (an aborted:false with none running means nothing to abort)
     */
    void interrupt(BooleanSupplier turnInFlight) {
        for (int attempt = 0; attempt < ABORT_ATTEMPTS; attempt++) {
            if (abort()) {
                resumeQueue();
                return;
            }
            if (!turnInFlight.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(ABORT_RETRY_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * @param timeout how long to wait for the answer
     * @param runId the one run to abort ({@code run_id}: the server leaves any other run alone, CLI 0.32.18), or
     *     {@code null} for whatever runs
     * @return the pending {@code abort_message_response}
     */
    CompletableFuture<ServerFrame> abortAsync(Duration timeout, String runId) {
        Map<String, Object> command = command("abort_message", "abort");
        if (runId != null) {
            command.put("run_id", runId);
        }
        return connection.request(command, "abort_message", f -> f.type().equals("abort_message_response"),
                timeout);
    }

    /** The server pauses its queue after an abort (spec §4.5): sends queued behind the aborted turn must still run. */
    void resumeQueue() {
        connection.send(command("resume_queue", "resume"));
    }

    /**
     * @param itemId the server's queue item id
     * @return whether the server removed it
     */
    boolean removeQueueItem(String itemId) {
        return await(removal(itemId), "remove_queue_item", "remove_queue_item_response").succeeded();
    }

    /** @param itemId a queue item to remove, not waiting for the answer */
    void removeQueueItemAsync(String itemId) {
        connection.request(removal(itemId), "remove_queue_item",
                f -> f.type().equals("remove_queue_item_response"), requestTimeout());
    }

    /**
     * @param requestId the {@code control_request}'s id
     * @param decision the decision
     * @return the pending {@code input_accepted} answering it ({@code accepted:false} once the approval is no longer
     *     pending)
     */
    CompletableFuture<ServerFrame> answerApprovalAsync(String requestId, PermissionDecision decision) {
        Map<String, Object> command = command("input", "ap");
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("kind", "approval_response");
        payload.put("request_id", requestId);
        payload.put("decision", Commands.decision(decision));
        command.put("payload", payload);
        return connection.request(command, "input", f -> f.type().equals("input_accepted"), requestTimeout());
    }

    /**
     * Sends a command and waits for its response, bounded by the request timeout.
     *
     * @param command the command, with its {@code request_id}
     * @param name the command's type, for messages
     * @param responseType the type that answers it
     * @return the response (successful or not)
     */
    ServerFrame await(Map<String, Object> command, String name, String responseType) {
        Duration timeout = requestTimeout();
        return Waits.await(connection.request(command, name, f -> f.type().equals(responseType), timeout),
                timeout.plusSeconds(1), "`" + name + "`");
    }

    /**
     * @param type the command type
     * @param idPrefix the request id's prefix
     * @return a command scoped to this runtime, with a fresh {@code request_id}
     */
    Map<String, Object> command(String type, String idPrefix) {
        return Commands.scoped(type, connection.correlator().nextRequestId(idPrefix), key);
    }

    Duration requestTimeout() {
        return connection.endpoint().requestTimeout();
    }

    private Map<String, Object> removal(String itemId) {
        Map<String, Object> command = command("remove_queue_item", "rq");
        command.put("item_id", itemId);
        return command;
    }
}

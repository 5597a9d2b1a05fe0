package ai.letta.code.transport.remote.internal;

import ai.letta.code.api.exception.TransportLostException;
import ai.letta.code.api.permission.PermissionDecision;
import ai.letta.code.api.permission.ToolPermissionRequest;
import java.lang.System.Logger.Level;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Delivers a session's permission decisions ({@code input{kind:"approval_response"}}) through reconnects. A decision
 * made while the socket is down goes out as soon as the runtime is subscribed again, without anyone blocking on it;
 * one whose socket dropped before the server acknowledged it is sent once more on the new socket (if the first copy
 * did arrive, the server refuses the second as no longer pending: harmless). A refused answer is logged and kept
 * ({@link PendingApprovals#refused}): either the approval had expired (its turn was aborted, or the server dropped it
 * with its last subscriber, spec §2.5), or a restarted server had not recovered it yet and replays it later, and then
 * gets the same decision again ({@link #resend}).
 * Thread-safe; never blocks the event loop.
 */
final class ApprovalAnswers {

    private static final System.Logger LOG = System.getLogger(ApprovalAnswers.class.getName());

    private final ServerConnection connection;
    private final RuntimeControl control;
    private final PendingApprovals approvals;
    private final Supplier<CompletableFuture<Void>> subscription;
    private final TurnStream stream;

    /**
     * @param connection the shared connection (its event loop owns the stream)
     * @param control sends the answers
     * @param approvals the requests handed to the engine, forgotten once answered
     * @param subscription the session's current subscription: complete while the runtime is subscribed
     * @param stream told before an answer goes out, and when one is refused
     */
    ApprovalAnswers(ServerConnection connection, RuntimeControl control, PendingApprovals approvals,
            Supplier<CompletableFuture<Void>> subscription, TurnStream stream) {
        this.connection = connection;
        this.control = control;
        this.approvals = approvals;
        this.subscription = subscription;
        this.stream = stream;
    }

    /**
     * Answers a permission request. While the runtime is subscribed, waits for the server's acknowledgement (and
     * then interrupts, for a deny that asks to); while a reconnect is under way, returns at once, and the answer (and
     * the abort) go out once the runtime is subscribed again.
     *
     * @param request the request answered
     * @param decision the decision
     * @param interrupt interrupts the turn (blocking), for a deny that asks to
     */
    void answer(ToolPermissionRequest request, PermissionDecision decision, Runnable interrupt) {
        CompletableFuture<Void> current = subscription.get();
        boolean connected = current.isDone() && !current.isCompletedExceptionally();
        CompletableFuture<ServerFrame> done = send(request, decision);
        boolean interrupts = decision instanceof PermissionDecision.Deny deny && deny.interrupt();
        if (!connected) {
            if (interrupts) {
                done.thenRun(() -> control.abortAsync(control.requestTimeout(), null)
                        .thenAccept(answer -> control.resumeQueue()));
            }
            return;
        }
        Waits.await(done, control.requestTimeout().plusSeconds(1), "`input` (approval_response)");
        if (interrupts) {
            interrupt.run();
        }
    }

    /**
     * @param request the request answered
     * @param decision the decision
     * @return completes with the server's {@code input_accepted} (accepted or not), or fails if the session could
     *     not deliver it (closed, or the server stayed away)
     */
    CompletableFuture<ServerFrame> send(ToolPermissionRequest request, PermissionDecision decision) {
        return attempt(request, decision)
                .exceptionallyCompose(error -> Waits.unwrap(error) instanceof TransportLostException
                        // On the loop, after the socket's loss has been handled: the subscription is the next one.
                        ? CompletableFuture.runAsync(() -> { }, connection.loop())
                                .thenCompose(ignored -> attempt(request, decision))
                        : CompletableFuture.failedFuture(error))
                .whenComplete((frame, error) -> {
                    if (frame != null && !frame.succeeded()) {
                        // Kept for a replay: a restarted server refuses an answer before it recovered the approval.
                        approvals.refused(request, decision);
                        onLoop(stream::answerRefused);
                        LOG.log(Level.INFO, "approval {0} was not accepted ({1}); the decision is sent again if the"
                                + " server offers the request again", request.requestId(), frame.error());
                    } else {
                        approvals.answered(request.requestId());
                    }
                });
    }

    /**
     * Sends a decision the server refused once more, because it replayed the request (on the event loop; does not
     * wait).
     *
     * @param resend the request and its decision
     */
    void resend(PendingApprovals.Resend resend) {
        send(resend.request(), resend.decision());
    }

    private CompletableFuture<ServerFrame> attempt(ToolPermissionRequest request, PermissionDecision decision) {
        return subscription.get().thenCompose(subscribed -> {
            onLoop(stream::answering);
            return control.answerApprovalAsync(request.requestId(), decision);
        });
    }

    /** Runs {@code task} on the loop before anything the server answers next is handled there. */
    private void onLoop(Runnable task) {
        if (connection.loop().inEventLoop()) {
            task.run();
        } else {
            Waits.runOnLoop(connection.loop(), task);
        }
    }
}

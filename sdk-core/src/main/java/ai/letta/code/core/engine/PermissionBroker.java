package ai.letta.code.core.engine;

import ai.letta.code.api.SessionStep;
import ai.letta.code.api.permission.CanUseTool;
import ai.letta.code.api.permission.PermissionDecision;
import ai.letta.code.api.permission.PermissionMode;
import ai.letta.code.api.permission.ToolPermissionRequest;
import ai.letta.code.spi.SessionChannel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Answers a session's tool-permission requests: the permission mode where it can (bypass approves tools that need
 * no user input), else the {@link CanUseTool} callback on the pool (the turn waits for it up to the permission
 * timeout, then the call is denied and a callback still running on the pool is interrupted), else a denial that says
 * how to set a callback. Requests still pending when the turn is aborted or the session closes are denied.
 */
final class PermissionBroker {
    static final String NO_CALLBACK = "No canUseTool callback is set, so the tool call '%s' was denied. Set one with "
            + "SessionOptions.builder().canUseTool(request -> ...), or use PermissionMode.BYPASS_PERMISSIONS to "
            + "approve tools that need no user input automatically.";

    private final PermissionMode mode;
    private final CanUseTool callback;
    private final Executor pool;
    private final SessionChannel channel;
    private final BiConsumer<SessionStep.Kind, String> lifecycle;
    private final ScheduledExecutorService scheduler;
    private final Duration timeout;
    private final Map<String, ToolPermissionRequest> pending = new ConcurrentHashMap<>();
    /** The pool thread running each request's callback, while it runs. */
    private final Map<String, Thread> deciding = new ConcurrentHashMap<>();
    private final Map<String, ScheduledFuture<?>> deadlines = new ConcurrentHashMap<>();

    /**
     * @param timeout how long the callback may take, or {@code null} for no limit
     */
    PermissionBroker(PermissionMode mode, CanUseTool callback, Executor pool, ScheduledExecutorService scheduler,
            Duration timeout, SessionChannel channel, BiConsumer<SessionStep.Kind, String> lifecycle) {
        this.mode = mode;
        this.callback = callback;
        this.pool = pool;
        this.scheduler = scheduler;
        this.timeout = timeout;
        this.channel = channel;
        this.lifecycle = lifecycle;
    }

    /** Decides a request; never blocks the caller. */
    void handle(ToolPermissionRequest request) {
        lifecycle.accept(SessionStep.Kind.PERMISSION_REQUESTED, request.toolName());
        if (mode.isBypass() && !request.needsUserInput()) {
            answer(request, PermissionDecision.allow(), "mode");
            return;
        }
        if (callback == null) {
            answer(request, PermissionDecision.deny(String.format(NO_CALLBACK, request.toolName())), "no callback");
            return;
        }
        pending.put(request.requestId(), request);
        if (timeout != null) {
            deadlines.put(request.requestId(), scheduler.schedule(() -> expire(request), timeout.toMillis(),
                    TimeUnit.MILLISECONDS));
        }
        pool.execute(() -> ask(request));
    }

    private void expire(ToolPermissionRequest request) {
        deadlines.remove(request.requestId());
        if (pending.remove(request.requestId()) == null) {
            return;
        }
        // Atomic per key with ask()'s removal: the interrupt reaches the callback's thread only while it decides.
        deciding.computeIfPresent(request.requestId(), (id, running) -> {
            running.interrupt();
            return null;
        });
        answerQuietly(request, PermissionDecision.deny("canUseTool gave no decision on the tool call '"
                + request.toolName() + "' within " + timeout + " (SessionOptions.permissionTimeout), so it was"
                + " denied"), "permission timeout");
    }

    /** @return the requests waiting for the callback */
    List<ToolPermissionRequest> pending() {
        return List.copyOf(pending.values());
    }

    /**
     * Denies every request still waiting for the callback; their late decisions are ignored.
     *
     * @param reason the denial message the model receives
     */
    void denyPending(String reason) {
        for (ToolPermissionRequest request : List.copyOf(pending.values())) {
            ScheduledFuture<?> deadline = deadlines.remove(request.requestId());
            if (deadline != null) {
                deadline.cancel(false);
            }
            if (pending.remove(request.requestId()) != null) {
                answerQuietly(request, PermissionDecision.deny(reason), "engine");
            }
        }
    }

    /** Forgets pending requests without answering: the transport is gone. */
    void forgetPending() {
        deadlines.values().forEach(deadline -> deadline.cancel(false));
        deadlines.clear();
        pending.clear();
    }

    private void ask(ToolPermissionRequest request) {
        CompletionStage<PermissionDecision> stage;
        deciding.put(request.requestId(), Thread.currentThread());
        try {
            stage = callback.decide(request);
        } catch (RuntimeException e) {
            complete(request, null, e);
            return;
        } finally {
            // An interrupt meant for a callback that outlived its deadline must not reach the next task.
            if (deciding.remove(request.requestId()) == null) {
                Thread.interrupted();
            }
        }
        if (stage == null) {
            complete(request, null, new NullPointerException("canUseTool returned a null CompletionStage"));
            return;
        }
        stage.whenComplete((decision, failure) -> complete(request, decision, failure));
    }

    private void complete(ToolPermissionRequest request, PermissionDecision decision, Throwable failure) {
        ScheduledFuture<?> deadline = deadlines.remove(request.requestId());
        if (deadline != null) {
            deadline.cancel(false);
        }
        if (pending.remove(request.requestId()) == null) {
            return; // already denied by abort() or close()
        }
        if (failure != null || decision == null) {
            Throwable cause = failure != null && failure.getCause() != null
                    && failure instanceof CompletionException ? failure.getCause() : failure;
            String why = cause == null ? "canUseTool completed with no decision"
                    : "canUseTool failed: " + (cause.getMessage() != null ? cause.getMessage()
                            : cause.getClass().getSimpleName());
            answerQuietly(request, PermissionDecision.deny(why), "callback failure");
            return;
        }
        answerQuietly(request, decision, "callback");
    }

    private void answerQuietly(ToolPermissionRequest request, PermissionDecision decision, String decidedBy) {
        try {
            answer(request, decision, decidedBy);
        } catch (RuntimeException e) {
            // The channel is closing or gone: the turn ends through the transport's own path.
            System.getLogger(PermissionBroker.class.getName()).log(System.Logger.Level.DEBUG,
                    "could not answer permission request " + request.requestId(), e);
        }
    }

    private void answer(ToolPermissionRequest request, PermissionDecision decision, String decidedBy) {
        channel.answer(request, decision);
        String verdict = decision instanceof PermissionDecision.Allow ? "allow" : "deny";
        lifecycle.accept(SessionStep.Kind.PERMISSION_DECIDED, request.toolName() + ": " + verdict + " by " + decidedBy);
    }
}

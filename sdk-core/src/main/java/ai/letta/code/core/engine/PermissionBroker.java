package ai.letta.code.core.engine;

import ai.letta.code.api.SessionStep;
import ai.letta.code.api.permission.CanUseTool;
import ai.letta.code.api.permission.PermissionDecision;
import ai.letta.code.api.permission.PermissionMode;
import ai.letta.code.api.permission.ToolPermissionRequest;
import ai.letta.code.spi.SessionChannel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;

/**
 * Answers a session's tool-permission requests: the permission mode where it can (bypass approves tools that need
 * no user input), else the {@link CanUseTool} callback on the pool (the turn waits for it as long as it takes), else
 * a denial that says how to set a callback. Requests still pending when the turn is aborted or the session closes
 * are denied.
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
    private final Map<String, ToolPermissionRequest> pending = new ConcurrentHashMap<>();

    PermissionBroker(PermissionMode mode, CanUseTool callback, Executor pool, SessionChannel channel,
            BiConsumer<SessionStep.Kind, String> lifecycle) {
        this.mode = mode;
        this.callback = callback;
        this.pool = pool;
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
        pool.execute(() -> ask(request));
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
            if (pending.remove(request.requestId()) != null) {
                answerQuietly(request, PermissionDecision.deny(reason), "engine");
            }
        }
    }

    /** Forgets pending requests without answering: the transport is gone. */
    void forgetPending() {
        pending.clear();
    }

    private void ask(ToolPermissionRequest request) {
        CompletionStage<PermissionDecision> stage;
        try {
            stage = callback.decide(request);
        } catch (RuntimeException e) {
            complete(request, null, e);
            return;
        }
        if (stage == null) {
            complete(request, null, new NullPointerException("canUseTool returned a null CompletionStage"));
            return;
        }
        stage.whenComplete((decision, failure) -> complete(request, decision, failure));
    }

    private void complete(ToolPermissionRequest request, PermissionDecision decision, Throwable failure) {
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

package ai.letta.code.api.permission;

import java.util.concurrent.CompletionStage;

/**
 * Decides whether the agent may run a tool call. Set it with {@code SessionOptions.Builder#canUseTool}; for a
 * decision at hand (no {@code CompletionStage}), {@code SessionOptions.Builder#canUseToolSync} takes a plain function.
 *
 * <p>Called on an SDK executor thread, never on a transport's I/O thread, once per request that the permission mode
 * does not answer by itself. The turn waits for the returned stage up to the session's
 * {@code SessionOptions#permissionTimeout()} (15 minutes unless set), then denies the call saying so;
 * {@code abort()} or {@code close()} end the wait sooner, denying it too. Other events keep flowing meanwhile.
 *
 * <p>If this method throws, or the stage completes exceptionally, the call is denied with the exception's message,
 * and the turn goes on. A stage completing with {@code null} is treated the same way.
 */
@FunctionalInterface
public interface CanUseTool {

    /**
     * @param request the tool call to decide on
     * @return the decision, possibly completed later
     */
    CompletionStage<PermissionDecision> decide(ToolPermissionRequest request);
}

package ai.letta.code.testkit.fake;

import ai.letta.code.api.model.ReasoningEffort;
import ai.letta.code.api.permission.PermissionMode;

/**
 * How one in-memory session runs, resolved when it opens.
 *
 * @param agentId the agent
 * @param conversationId the conversation (a real id, never the {@code default} alias)
 * @param model the model handle at open
 * @param effort the reasoning effort at open, or {@code null}
 * @param permissionMode the permission mode
 * @param partialMessages whether chunks are also streamed as partial events
 */
record SessionSetup(String agentId, String conversationId, String model, ReasoningEffort effort,
        PermissionMode permissionMode, boolean partialMessages) {}

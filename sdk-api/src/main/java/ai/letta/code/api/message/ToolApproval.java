package ai.letta.code.api.message;

import ai.letta.code.internal.Checks;

/**
 * The answer to one pending tool approval ({@code ApprovalReturn} in an {@code ApprovalCreate} message): approve
 * the call, or deny it with a reason the model is given. Sent with {@link SendRequest.Builder#approval} or
 * {@link Messages#answerApprovals}.
 *
 * @param toolCallId the call being answered: the {@code toolCallId} of the
 *     {@link ai.letta.code.api.event.ToolCall} that asked for approval
 * @param approve whether the tool may run
 * @param reason why it was denied (what the model reads), or {@code null}
 */
public record ToolApproval(String toolCallId, boolean approve, String reason) {

    /**
     * Validates: the call id must be present.
     *
     * @param toolCallId the call being answered: the {@code toolCallId} of the
     *     {@link ai.letta.code.api.event.ToolCall} that asked for approval
     * @param approve whether the tool may run
     * @param reason why it was denied (what the model reads), or {@code null}
     */
    public ToolApproval {
        toolCallId = Checks.requireText(toolCallId, "ToolApproval.toolCallId").strip();
    }

    /**
     * @param toolCallId the call to allow
     * @return an approval
     * @throws ai.letta.code.api.exception.ConfigurationException if the id is blank
     */
    public static ToolApproval approve(String toolCallId) {
        return new ToolApproval(toolCallId, true, null);
    }

    /**
     * @param toolCallId the call to refuse
     * @param reason what the model is told, e.g. {@code "not in production"}
     * @return a denial
     * @throws ai.letta.code.api.exception.ConfigurationException if the id or the reason is blank
     */
    public static ToolApproval deny(String toolCallId, String reason) {
        return new ToolApproval(toolCallId, false, Checks.requireText(reason, "ToolApproval.reason"));
    }
}

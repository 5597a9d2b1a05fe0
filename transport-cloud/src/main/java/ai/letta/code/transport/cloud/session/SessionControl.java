package ai.letta.code.transport.cloud.session;

import ai.letta.code.api.conversation.ConversationInfo;
import ai.letta.code.transport.cloud.rest.CloudEnvironment;
import ai.letta.code.transport.cloud.rest.CloudSandbox;
import ai.letta.code.transport.cloud.rest.SandboxRefresh;
import java.util.List;

/**
 * The control-plane calls that open and keep a cloud session: its conversation, and the listener it runs on.
 * {@link ai.letta.code.transport.cloud.rest.ControlPlane} implements it over HTTPS; each call blocks its caller and
 * fails with a typed SDK exception.
 */
public interface SessionControl {

    /**
     * @param agentId the agent
     * @return a new conversation of it
     */
    ConversationInfo createConversation(String agentId);

    /**
     * @param conversationId a conversation
     * @return it, with its agent
     * @throws ai.letta.code.api.exception.ConversationNotFoundException if unknown
     */
    ConversationInfo conversation(String conversationId);

    /** @return every registered environment, all pages */
    List<CloudEnvironment> environments();

    /**
     * @param deviceId a listener's device id
     * @return its environment
     * @throws ai.letta.code.api.exception.NotFoundException if no listener registered with it (yet)
     */
    CloudEnvironment environment(String deviceId);

    /**
     * Creates the conversation's sandbox, or resumes the one it has.
     *
     * @param agentId the agent
     * @param conversationId the conversation, or {@code null} for the agent's main thread
     * @return the sandbox
     */
    CloudSandbox createSandbox(String agentId, String conversationId);

    /**
     * @param sandboxId the sandbox
     * @param ttlMinutes its new time to live
     * @return what was granted
     * @throws ai.letta.code.api.exception.NotFoundException once it was reaped
     */
    SandboxRefresh refreshSandbox(String sandboxId, int ttlMinutes);

    /** @param sandboxId a sandbox to end; one already gone is fine */
    void terminateSandbox(String sandboxId);
}

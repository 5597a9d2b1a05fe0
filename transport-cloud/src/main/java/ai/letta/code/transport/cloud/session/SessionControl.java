package ai.letta.code.transport.cloud.session;

import java.util.List;
import java.util.Optional;

/**
 * The control-plane calls that open and keep a cloud session: its conversation, and the listener it runs on. The
 * HTTPS control plane implements it; each call blocks its caller and fails with a typed SDK exception.
 */
public interface SessionControl {

    /**
     * @param agentId the agent
     * @return the new conversation's id ({@code POST /v1/conversations/?agent_id=})
     */
    String createConversation(String agentId);

    /**
     * @param conversationId a conversation
     * @return its agent ({@code GET /v1/conversations/{id}})
     * @throws ai.letta.code.api.exception.ConversationNotFoundException if unknown
     */
    String agentOf(String conversationId);

    /** @return every registered environment ({@code GET /v1/environments}), all pages */
    List<Environment> environments();

    /**
     * @param deviceId a listener's device id
     * @return its environment ({@code GET /v1/environments/{deviceId}}), empty when the API does not know it
     */
    Optional<Environment> environment(String deviceId);

    /**
     * Creates the conversation's sandbox, or resumes the one it has.
     *
     * @param agentId the agent
     * @param conversationId the conversation, or {@code null} for the agent's main thread
     * @return the sandbox
     */
    Sandbox createSandbox(String agentId, String conversationId);

    /**
     * @param sandboxId the sandbox
     * @param ttlMinutes its new time to live
     * @throws ai.letta.code.api.exception.NotFoundException once it was reaped
     */
    void refreshSandbox(String sandboxId, int ttlMinutes);

    /** @param sandboxId a sandbox to end; one already gone is fine */
    void terminateSandbox(String sandboxId);

    /**
     * A machine or sandbox registered with Letta Cloud.
     *
     * @param id the environment's id
     * @param connectionId its current connection, or {@code null} while its listener is offline
     * @param deviceId the listener's device id
     * @param connectionName its name ({@code --computer-name})
     */
    record Environment(String id, String connectionId, String deviceId, String connectionName) {
        /** @return whether its listener is connected */
        public boolean online() {
            return connectionId != null && !connectionId.isBlank();
        }
    }

    /**
     * A managed sandbox.
     *
     * @param sandboxId its id
     * @param deviceId the device id its listener registers with
     * @param connectionName its listener's name
     * @param resumed whether the conversation had it already
     */
    record Sandbox(String sandboxId, String deviceId, String connectionName, boolean resumed) {
    }
}

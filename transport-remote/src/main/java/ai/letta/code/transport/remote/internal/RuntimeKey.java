package ai.letta.code.transport.remote.internal;

import java.util.Objects;

/**
 * The app server's runtime scope: which conversation of which agent a frame belongs to. Frames are demultiplexed to
 * sessions by this key, exactly as the server spells it (the agent's main thread is {@code "default"} here, even
 * though sessions hand callers a resolved id).
 *
 * @param agentId the agent
 * @param conversationId the conversation, possibly {@code "default"}
 */
record RuntimeKey(String agentId, String conversationId) {

    RuntimeKey {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(conversationId, "conversationId");
    }

    @Override
    public String toString() {
        return agentId + "/" + conversationId;
    }
}

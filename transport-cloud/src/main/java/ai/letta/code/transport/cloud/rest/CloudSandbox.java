package ai.letta.code.transport.cloud.rest;

import java.util.Optional;

/**
 * A Letta-managed sandbox that runs a Letta Code listener for one agent (or one conversation of it), as
 * {@code POST /v1/agents/{agentId}/sandboxes} answers (cloud-relay.md §9). It becomes reachable once
 * {@code GET /v1/environments/{deviceId}} shows a connection id, and lives until its TTL runs out unless
 * refreshed.
 *
 * @param sandboxId the sandbox's id, for refresh and terminate
 * @param deviceId the device id its listener registers with
 * @param connectionName the name its listener registers under
 * @param conversationId the conversation it is scoped to, or {@code null} when agent-scoped
 * @param resumed whether an existing sandbox of that conversation was handed back
 */
public record CloudSandbox(String sandboxId, String deviceId, String connectionName, String conversationId,
        boolean resumed) {

    /** @return the conversation it is scoped to, if any */
    public Optional<String> conversation() {
        return Optional.ofNullable(conversationId);
    }
}

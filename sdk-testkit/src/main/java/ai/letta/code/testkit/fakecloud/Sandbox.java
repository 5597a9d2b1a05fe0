package ai.letta.code.testkit.fakecloud;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A snapshot of one managed sandbox (cloud-relay.md §9).
 *
 * @param conversationId the conversation it was created for, or null (the agent's default)
 * @param workDir        its listener's cwd (approved tools run there), or null before the listener is spawned
 */
public record Sandbox(String sandboxId, String agentId, String conversationId, String deviceId,
        String connectionName, SandboxState state, int ttlMinutes, Path workDir) {

    /** @return the conversation it was created for, if one was named */
    public Optional<String> conversation() {
        return Optional.ofNullable(conversationId);
    }
}

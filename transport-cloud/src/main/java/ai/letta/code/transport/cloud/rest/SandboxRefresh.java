package ai.letta.code.transport.cloud.rest;

import java.time.Duration;

/**
 * What a sandbox refresh granted.
 *
 * @param sandboxId the sandbox refreshed
 * @param ttl how long it now lives unless refreshed again
 */
public record SandboxRefresh(String sandboxId, Duration ttl) {
}

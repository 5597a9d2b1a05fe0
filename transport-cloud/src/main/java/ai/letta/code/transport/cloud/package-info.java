/**
 * The cloud backend: Letta Cloud with an API key ({@code spec/cloud.md}, {@code spec/cloud-relay.md}).
 * {@link ai.letta.code.transport.cloud.CloudTransport} is the entry point; {@code LettaCode.create(Backend.cloud(key))}
 * finds it through {@link ai.letta.code.transport.cloud.CloudTransportProvider}.
 *
 * <p>Packages: {@code http}, the Letta API client (Netty, typed errors, retries); {@code rest}, the control plane
 * and the resource ports over it; {@code relay}, Letta Cloud's relay websocket as one frame channel; {@code session},
 * cloud sessions: the conversation and the listener they run on, then the remote backend's protocol-v2 session over
 * the relay.
 */
package ai.letta.code.transport.cloud;

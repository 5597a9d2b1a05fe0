/**
 * The cloud backend: Letta Cloud over HTTPS (REST + SSE for the control plane and the Letta resources, and the
 * cloud relay websocket that carries the app-server protocol; see {@code spec/cloud.md}).
 *
 * <p>Not implemented yet: this module holds its package skeleton and registers no {@code TransportProvider}, so
 * {@code LettaCode.create(Backend.cloud(apiKey))} fails with a {@code ConfigurationException}.
 */
package ai.letta.code.transport.cloud;

/**
 * The Letta API resources of the cloud backend over REST: {@link ai.letta.code.transport.cloud.rest.ControlPlane}
 * (agents, conversations, environments and managed sandboxes, the calls a cloud session makes before its relay
 * opens; cloud.md §1.1, cloud-relay.md §9) and the sdk-api ports {@code Agents}, {@code Conversations},
 * {@code Blocks} and {@code Models}, with the remote backend's semantics. Wire records are package-private
 * and become sdk-api values (or this package's small records) in {@code WireMapping}.
 */
package ai.letta.code.transport.cloud.rest;

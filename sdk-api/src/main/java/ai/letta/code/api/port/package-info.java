/**
 * The ports: what a transport implements so the SDK's engine can drive it. Users rarely touch these directly,
 * except through {@code LettaCodeClient.agents()}, {@code conversations()}, {@code blocks()} and {@code models()}.
 *
 * <p>Contract for implementers: a transport translates its wire to these domain types at its edge (nothing beyond
 * it sees JSON); its I/O threads never run user code and never block on the engine; a port operation the backend
 * cannot do throws {@link ai.letta.code.api.exception.UnsupportedFeatureException}.
 */
package ai.letta.code.api.port;

/**
 * The service-provider interface: what a transport implements so the SDK's engine can drive it. <b>For transport
 * implementers only</b>; users of the SDK never need these types (they call {@code LettaCodeClient},
 * {@code Session} and the resource interfaces {@code Agents}, {@code Conversations}, {@code Blocks},
 * {@code Models}, which a {@link ai.letta.code.spi.Transport} provides). The other half of the SPI, how
 * {@code LettaCode.create(Backend)} finds a transport, is sdk-core's {@code ai.letta.code.core.spi} (it carries a
 * Guice module, which this dependency-free module does not).
 *
 * <p>Contract for implementers: a transport translates its wire to the domain types at its edge (nothing beyond it
 * sees JSON); its I/O threads never run user code and never block on the engine; an operation the backend cannot do
 * throws {@link ai.letta.code.api.exception.UnsupportedFeatureException}.
 */
package ai.letta.code.spi;

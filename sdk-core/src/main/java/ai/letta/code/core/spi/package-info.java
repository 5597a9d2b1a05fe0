/**
 * How {@code LettaCode.create(Backend)} finds and wires a transport: {@link ai.letta.code.core.spi.TransportProvider}
 * (a {@code ServiceLoader} entry with a Guice module) and {@link ai.letta.code.core.spi.LazyTransport}, a base for
 * transports that open their resources on first use. <b>For transport implementers only</b>, like the ports in
 * sdk-api's {@code ai.letta.code.spi}.
 */
package ai.letta.code.core.spi;

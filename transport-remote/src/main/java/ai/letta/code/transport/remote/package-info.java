/**
 * The remote backend: a Letta Code app server over a websocket. Users pick it with
 * {@code LettaCode.create(Backend.remote(url, token))}; {@link ai.letta.code.transport.remote.WebSocketTransport} is
 * the transport, {@link ai.letta.code.transport.remote.RemoteTransportModule} its Guice module.
 */
package ai.letta.code.transport.remote;

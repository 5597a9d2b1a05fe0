/**
 * The remote backend: a Letta Code app server over a websocket (protocol v2). Found by
 * {@code LettaCode.create(Backend.remote(…))} as a {@code TransportProvider} service; {@code RemoteTransportModule}
 * is the Guice route. The protocol-v2 session code ({@code internal}) is exported only to the cloud transport, whose
 * relay carries the same protocol, and to the local transport, whose {@code LocalMode.APP_SERVER} drives a loopback
 * app server with it.
 */
@SuppressWarnings("module")
module ai.letta.code.transport.remote {
    requires transitive ai.letta.code.core;
    requires io.netty.buffer;
    requires io.netty.codec;
    requires io.netty.codec.http;
    requires io.netty.common;
    requires io.netty.handler;
    requires io.netty.transport;
    requires tools.jackson.databind;

    exports ai.letta.code.transport.remote;
    // Built after this module: "module not found" is suppressed above for it.
    exports ai.letta.code.transport.remote.internal to ai.letta.code.transport.cloud, ai.letta.code.transport.local;

    // Guice builds WebSocketTransport through its @Inject constructor.
    opens ai.letta.code.transport.remote to com.google.guice;
    // Jackson binds the wire records of the protocol (WireDelta, WireQueueItem, …).
    opens ai.letta.code.transport.remote.internal to tools.jackson.databind;

    provides ai.letta.code.core.spi.TransportProvider with ai.letta.code.transport.remote.RemoteTransportProvider;
}

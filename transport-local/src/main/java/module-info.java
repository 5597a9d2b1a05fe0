/**
 * The local backend: the Letta Code CLI spawned over stdio, and {@code InstallPeers}, which installs the pinned
 * Node and CLI into the user's cache. Found by {@code LettaCode.create(Backend.local())} as a
 * {@code TransportProvider} service; {@code LocalTransportModule} is the Guice route.
 */
module ai.letta.code.transport.local {
    requires transitive ai.letta.code.core;
    // LocalMode.APP_SERVER drives its loopback app server with the remote backend's protocol client.
    requires ai.letta.code.transport.remote;
    requires io.netty.buffer;
    requires io.netty.codec.http;
    // HttpContentDecompressor's gzip/deflate/brotli decoders; io.netty.codec.http requires it only static.
    requires io.netty.codec.compression;
    requires io.netty.common;
    requires io.netty.handler;
    requires io.netty.transport;
    requires org.apache.commons.exec;
    requires tools.jackson.databind;

    exports ai.letta.code.transport.local;
    exports ai.letta.code.transport.local.install;
    // Not exported: the layers behind LocalTransport (.process, .wire, .control, .session; see its package-info).

    // Guice calls LocalTransportModule's package-private @Provides method.
    opens ai.letta.code.transport.local to com.google.guice;

    provides ai.letta.code.core.spi.TransportProvider with ai.letta.code.transport.local.LocalTransportProvider;
}

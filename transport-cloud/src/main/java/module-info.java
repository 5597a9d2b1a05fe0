/**
 * The cloud backend: the Letta API over HTTPS (REST and SSE) and the cloud relay websocket. Found by
 * {@code LettaCode.create(Backend.cloud(…))} as a {@code TransportProvider} service; {@code CloudTransportModule} is
 * the Guice route. Only {@code ai.letta.code.transport.cloud} is exported.
 */
module ai.letta.code.transport.cloud {
    requires transitive ai.letta.code.core;
    requires ai.letta.code.transport.remote;
    requires io.netty.buffer;
    requires io.netty.codec;
    requires io.netty.codec.http;
    // HttpContentDecompressor's gzip/deflate/brotli decoders; io.netty.codec.http requires it only static.
    requires io.netty.codec.compression;
    requires io.netty.common;
    requires io.netty.handler;
    requires io.netty.transport;
    requires tools.jackson.databind;

    exports ai.letta.code.transport.cloud;

    // Guice builds CloudTransport through its @Inject constructor.
    opens ai.letta.code.transport.cloud to com.google.guice;
    // Jackson binds the REST wire records and the HTTP layer's error bodies.
    opens ai.letta.code.transport.cloud.http to tools.jackson.databind;
    opens ai.letta.code.transport.cloud.rest to tools.jackson.databind;

    provides ai.letta.code.core.spi.TransportProvider with ai.letta.code.transport.cloud.CloudTransportProvider;
}

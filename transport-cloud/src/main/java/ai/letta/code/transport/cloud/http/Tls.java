package ai.letta.code.transport.cloud.http;

import ai.letta.code.api.exception.ConfigurationException;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import java.util.List;
import java.util.regex.Pattern;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS for the Letta API: the JDK's trust store (or a test's), hostname verification set explicitly
 * ({@code endpointIdentificationAlgorithm("HTTPS")}: a Netty client context does not check the certificate's name
 * unless told, and a valid certificate for another host would otherwise pass), and SNI with the URL's host name,
 * without which a shared front end such as a CDN cannot pick the right certificate.
 */
final class Tls {

    private static final Pattern IP_LITERAL = Pattern.compile("^[0-9.]+$|:");

    private final SslContext context;

    private Tls(SslContext context) {
        this.context = context;
    }

    /**
     * @param trust the trust anchors, or {@code null} for the JDK's defaults
     * @return the client TLS setup
     * @throws ConfigurationException if the JDK cannot make a TLS context
     */
    static Tls client(TrustManagerFactory trust) {
        try {
            SslContextBuilder builder = SslContextBuilder.forClient().endpointIdentificationAlgorithm("HTTPS");
            if (trust != null) {
                builder.trustManager(trust);
            }
            return new Tls(builder.build());
        } catch (SSLException e) {
            throw new ConfigurationException("could not set up TLS for the Letta API: " + e.getMessage(), e);
        }
    }

    /**
     * @param alloc the channel's allocator
     * @param host the host the URL names (checked against the certificate and sent as SNI)
     * @param port its port
     * @return a handler for one connection
     */
    SslHandler handler(ByteBufAllocator alloc, String host, int port) {
        SslHandler handler = context.newHandler(alloc, host, port);
        SSLEngine engine = handler.engine();
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (!IP_LITERAL.matcher(host).find()) {
            parameters.setServerNames(List.of(new SNIHostName(host)));
        }
        engine.setSSLParameters(parameters);
        return handler;
    }
}

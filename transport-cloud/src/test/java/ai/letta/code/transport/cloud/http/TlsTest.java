package ai.letta.code.transport.cloud.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBufAllocator;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.Test;

class TlsTest {

    @Test
    void engineVerifiesTheHostnameAndSendsSni() {
        SSLEngine engine = Tls.client(null).handler(ByteBufAllocator.DEFAULT, "api.letta.com", 443).engine();

        assertThat(engine.getUseClientMode()).isTrue();
        assertThat(engine.getSSLParameters().getEndpointIdentificationAlgorithm()).isEqualTo("HTTPS");
        assertThat(engine.getSSLParameters().getServerNames()).containsExactly(new SNIHostName("api.letta.com"));
        assertThat(engine.getPeerHost()).isEqualTo("api.letta.com");
    }

    @Test
    void anIpLiteralGetsHostnameVerificationButNoSni() {
        SSLEngine engine = Tls.client(null).handler(ByteBufAllocator.DEFAULT, "127.0.0.1", 8443).engine();

        assertThat(engine.getSSLParameters().getEndpointIdentificationAlgorithm()).isEqualTo("HTTPS");
        assertThat(engine.getSSLParameters().getServerNames()).isNullOrEmpty();
    }
}

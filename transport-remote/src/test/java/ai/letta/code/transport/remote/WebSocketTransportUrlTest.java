package ai.letta.code.transport.remote;

import static org.assertj.core.api.Assertions.assertThat;

import ai.letta.code.api.backend.RemoteOptions;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** {@link WebSocketTransport#url()} is a plain {@link URI} of the address, never carrying a credential. */
class WebSocketTransportUrlTest {

    private static URI urlOf(String configured) {
        try (WebSocketTransport transport = new WebSocketTransport(
                RemoteOptions.builder().url(URI.create(configured)).build())) {
            return transport.url();
        }
    }

    @Test
    void theUrlIsTheNormalisedWebSocketAddress() {
        assertThat(urlOf("http://127.0.0.1:4500")).isEqualTo(URI.create("ws://127.0.0.1:4500/ws"));
        assertThat(urlOf("https://example.com/app")).isEqualTo(URI.create("wss://example.com/app"));
    }

    @Test
    void userInfoAndQueryAreLeftOut() {
        URI url = urlOf("http://user:s3cret@127.0.0.1:9/ws?key=s3cret&channel=stream");

        assertThat(url).isEqualTo(URI.create("ws://127.0.0.1:9/ws"));
        assertThat(url.getUserInfo()).isNull();
        assertThat(url.toString()).doesNotContain("s3cret");
    }
}

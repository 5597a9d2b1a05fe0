package ai.letta.code.transport.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.backend.RemoteOptions;
import ai.letta.code.api.exception.AuthenticationException;
import ai.letta.code.api.exception.TransportException;
import ai.letta.code.testkit.peer.AppServerProcess;
import ai.letta.code.testkit.peer.NoLeftoverProcesses;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The real app server with {@code --ws-auth capability-token}: the token travels only in the upgrade header. */
@ExtendWith(NoLeftoverProcesses.class)
@Timeout(90)
class RemoteAuthIT {

    static AppServerProcess server;

    @BeforeAll
    static void start() {
        server = AppServerProcess.builder().capabilityToken().start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static WebSocketTransport transport(URI url, String token) {
        RemoteOptions.Builder options = RemoteOptions.builder().url(url).connectTimeout(Duration.ofSeconds(5));
        return new WebSocketTransport((token == null ? options : options.authToken(token)).build());
    }

    @Test
    void theRightTokenConnects() {
        try (WebSocketTransport transport = transport(server.httpUri(), server.token().orElseThrow())) {
            // http:// with an empty path is rewritten to ws://…/ws.
            assertThat(transport.url().toString()).isEqualTo(server.wsUri().toString());
            assertThat(transport.models().list()).isNotNull();
        }
    }

    @Test
    void aMissingTokenIsATypedErrorNamingTheUrl() {
        try (WebSocketTransport transport = transport(server.wsUri(), null)) {
            assertThatThrownBy(() -> transport.models().list()).isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining(server.wsUri().toString()).hasMessageContaining("401");
        }
    }

    @Test
    void aWrongTokenIsATypedErrorThatNeverShowsTheToken() {
        String wrong = "wrong-token-" + System.nanoTime();
        try (WebSocketTransport transport = transport(server.wsUri(), wrong)) {
            assertThatThrownBy(() -> transport.models().list()).isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining(server.wsUri().toString())
                    .hasMessageNotContaining(wrong)
                    .hasMessageNotContaining(server.token().orElseThrow());
        }
    }

    @Test
    void anUnreachableServerIsATransportError() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (WebSocketTransport transport = transport(URI.create("ws://127.0.0.1:" + port), null)) {
            assertThatThrownBy(() -> transport.models().list()).isInstanceOf(TransportException.class)
                    .hasMessageContaining("127.0.0.1:" + port);
        }
    }
}

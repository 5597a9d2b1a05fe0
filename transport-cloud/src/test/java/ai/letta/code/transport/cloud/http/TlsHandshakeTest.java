package ai.letta.code.transport.cloud.http;

import static ai.letta.code.transport.cloud.http.ScriptedApiServer.Reply.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.exception.TransportException;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real TLS handshakes against a loopback server whose self-signed certificate the JDK's keytool makes (no
 * BouncyCastle needed): trusted and naming the host, the call goes through; trusted but naming another host,
 * hostname verification refuses it.
 */
class TlsHandshakeTest {

    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    Path dir;

    @Test
    void aTrustedCertificateForTheHostIsAccepted() throws Exception {
        KeyStore store = keyStore("ip:127.0.0.1");
        try (ScriptedApiServer server = tlsServer(store).then(json(200, "{}"));
                LettaHttp http = client(server, store)) {

            http.send(ApiRequest.get("v1", "health").build());

            assertThat(server.count()).isEqualTo(1);
        }
    }

    @Test
    void aTrustedCertificateForAnotherHostIsRefusedByHostnameVerification() throws Exception {
        KeyStore store = keyStore("dns:other.example");
        try (ScriptedApiServer server = tlsServer(store).then(json(200, "{}"));
                LettaHttp http = client(server, store)) {

            assertThatThrownBy(() -> http.send(ApiRequest.get("v1", "health").build()))
                    .isInstanceOf(TransportException.class).hasMessageContaining("could not reach")
                    .hasStackTraceContaining("subject alternative");
            assertThat(server.count()).isZero();
        }
    }

    private static ScriptedApiServer tlsServer(KeyStore store) throws Exception {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD);
        return ScriptedApiServer.startTls(SslContextBuilder.forServer(keys).build());
    }

    private static LettaHttp client(ScriptedApiServer server, KeyStore store) throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        RetryTiming timing = new RetryTiming(java.time.Clock.systemUTC(), delay -> { }, () -> 0);
        return new LettaHttp(TestClients.settings(server.baseUrl(), Duration.ofSeconds(5)), RetryPolicy.none(),
                timing, LettaHttp.DEFAULT_MAX_RESPONSE_BYTES, trust);
    }

    private KeyStore keyStore(String san) throws Exception {
        Path file = dir.resolve("server.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "api",
                "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=letta-test", "-ext", "SAN=" + san,
                "-validity", "2", "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", "changeit",
                "-keypass", "changeit")).redirectErrorStream(true).start();
        process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD);
        }
        return store;
    }
}

package ai.letta.code.transport.remote.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.permission.PermissionMode;
import java.net.URI;
import org.junit.jupiter.api.Test;

class AppServerUrlTest {

    private static String of(String url) {
        return AppServerUrl.of(URI.create(url)).uri().toString();
    }

    @Test
    void httpIsRewrittenAndAnEmptyPathBecomesWs() {
        assertThat(of("http://127.0.0.1:4500")).isEqualTo("ws://127.0.0.1:4500/ws");
        assertThat(of("https://example.com/")).isEqualTo("wss://example.com/ws");
        assertThat(of("ws://127.0.0.1:4500/custom")).isEqualTo("ws://127.0.0.1:4500/custom");
        assertThat(of("ws://127.0.0.1:1/ws?channel=stream&x=1")).isEqualTo("ws://127.0.0.1:1/ws?x=1");
        assertThat(AppServerUrl.of(URI.create("wss://h")).port()).isEqualTo(443);
    }

    @Test
    void credentialsInTheUrlAreNeverKept() {
        AppServerUrl url = AppServerUrl.of(URI.create("http://user:secret@127.0.0.1:9/ws"));
        assertThat(url.uri().toString()).doesNotContain("secret");
        assertThat(url.toString()).isEqualTo("ws://127.0.0.1:9/ws");
    }

    @Test
    void otherSchemesAreRefused() {
        assertThatThrownBy(() -> AppServerUrl.of(URI.create("ftp://x/"))).isInstanceOf(ConfigurationException.class);
    }

    @Test
    void permissionModesMapToDeviceModesAndAnUnknownOneIsRefused() {
        // The table itself is WireNames.deviceMode's (SharedWireRulesTest); what is remote's is the refusal.
        assertThat(DeviceModes.toWire(PermissionMode.DEFAULT)).isEqualTo("standard");
        assertThat(DeviceModes.toWire(PermissionMode.of("strict"))).isEqualTo("strict");
        assertThatThrownBy(() -> DeviceModes.toWire(PermissionMode.of("yolo")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("yolo");
    }
}

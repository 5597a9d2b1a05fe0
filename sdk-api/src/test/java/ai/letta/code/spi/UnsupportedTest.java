package ai.letta.code.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.exception.UnsupportedFeatureException;
import org.junit.jupiter.api.Test;

class UnsupportedTest {

    /** A resource interface as the API declares them. */
    interface Widgets {
        String get(String id);
    }

    @Test
    void everyCallThrowsNamingTheCallAndTheCloudBackend() {
        Widgets widgets = Unsupported.resource(Widgets.class, BackendKind.LOCAL);
        assertThatThrownBy(() -> widgets.get("w-1")).isInstanceOfSatisfying(UnsupportedFeatureException.class, e -> {
            assertThat(e.feature()).isEqualTo("widgets().get");
            assertThat(e.supportedBy()).containsExactly(BackendKind.CLOUD);
            assertThat(e).hasMessageContaining("local backend").hasMessageContaining("Backend.cloud");
        });
    }

    @Test
    void objectMethodsWork() {
        Widgets widgets = Unsupported.resource(Widgets.class, BackendKind.REMOTE);
        assertThat(widgets.toString()).contains("widgets").contains("remote");
        assertThat(widgets).isEqualTo(widgets).isNotEqualTo(Unsupported.resource(Widgets.class, BackendKind.REMOTE));
        assertThat(widgets.hashCode()).isEqualTo(System.identityHashCode(widgets));
    }
}

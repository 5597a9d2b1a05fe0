package ai.letta.code.transport.cloud.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.backend.ExecutionTarget;
import ai.letta.code.api.backend.ExecutionTarget.Environment.Selector;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.exception.NotFoundException;
import ai.letta.code.api.exception.TransportException;
import org.junit.jupiter.api.Test;

class EnvironmentLocatorTest {

    private final ScriptedControl control = new ScriptedControl();

    private String locate(ExecutionTarget.Environment target) {
        return new EnvironmentLocator(control, target).connectionId();
    }

    @Test
    void anEnvironmentIsFoundByNameIdConnectionIdOrDeviceId() {
        var laptop = ScriptedControl.environment("env-1", "conn-1", "dev-1", "laptop");
        control.listed.add(laptop);
        control.listed.add(ScriptedControl.environment("env-2", "conn-2", "dev-2", "server"));
        control.byDevice.put("dev-1", laptop);
        assertThat(locate(ExecutionTarget.environment("laptop"))).isEqualTo("conn-1");
        assertThat(locate(ExecutionTarget.environment("env-2"))).isEqualTo("conn-2");
        assertThat(locate(ExecutionTarget.environment(Selector.CONNECTION_ID, "conn-2"))).isEqualTo("conn-2");
        assertThat(locate(ExecutionTarget.environment(Selector.DEVICE_ID, "dev-1"))).isEqualTo("conn-1");
    }

    @Test
    void afterTheFirstLookupTheListenerIsFollowedByItsDeviceIdAcrossReRegistrations() {
        control.listed.add(ScriptedControl.environment("env-1", "conn-1", "dev-1", "laptop"));
        EnvironmentLocator locator = new EnvironmentLocator(control, ExecutionTarget.environment("laptop"));
        assertThat(locator.connectionId()).isEqualTo("conn-1");
        control.byDevice.put("dev-1", ScriptedControl.environment("env-1", "conn-9", "dev-1", "laptop"));
        assertThat(locator.connectionId()).isEqualTo("conn-9");
        assertThat(control.count("environments")).isEqualTo(1);
    }

    @Test
    void anAmbiguousNameAnUnknownOneAndAnOfflineListenerAreEachNamed() {
        control.listed.add(ScriptedControl.environment("env-1", "conn-1", "dev-1", "twin"));
        control.listed.add(ScriptedControl.environment("env-2", "conn-2", "dev-2", "twin"));
        control.listed.add(ScriptedControl.environment("env-3", null, "dev-3", "sleeping"));
        assertThatThrownBy(() -> locate(ExecutionTarget.environment("twin")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("ambiguous")
                .hasMessageContaining("env-1").hasMessageContaining("env-2");
        assertThatThrownBy(() -> locate(ExecutionTarget.environment("nowhere")))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("letta server --computer-name");
        assertThatThrownBy(() -> locate(ExecutionTarget.environment("sleeping")))
                .isInstanceOf(TransportException.class).hasMessageContaining("offline");
    }
}

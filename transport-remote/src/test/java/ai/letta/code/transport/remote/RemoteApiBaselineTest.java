package ai.letta.code.transport.remote;

import static org.assertj.core.api.Assertions.assertThatCode;

import ai.letta.code.testkit.api.ApiBaseline;
import org.junit.jupiter.api.Test;

/** The recorded API of this module (see {@link ApiBaseline}). */
class RemoteApiBaselineTest {

    @Test
    void publicApiMatchesTheBaseline() {
        assertThatCode(() -> ApiBaseline.check("letta-code-transport-remote", RemoteTransportModule.class,
                "ai.letta.code.transport.remote"))
                .doesNotThrowAnyException();
    }
}

package ai.letta.code.transport.local;

import static org.assertj.core.api.Assertions.assertThatCode;

import ai.letta.code.testkit.api.ApiBaseline;
import org.junit.jupiter.api.Test;

/** The recorded API of this module (see {@link ApiBaseline}). */
class LocalApiBaselineTest {

    @Test
    void publicApiMatchesTheBaseline() {
        assertThatCode(() -> ApiBaseline.check("letta-code-transport-local", LocalTransportModule.class,
                "ai.letta.code.transport.local", "ai.letta.code.transport.local.install"))
                .doesNotThrowAnyException();
    }
}

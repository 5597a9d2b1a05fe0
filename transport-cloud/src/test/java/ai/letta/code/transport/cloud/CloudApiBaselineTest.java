package ai.letta.code.transport.cloud;

import static org.assertj.core.api.Assertions.assertThatCode;

import ai.letta.code.testkit.api.ApiBaseline;
import org.junit.jupiter.api.Test;

/** The recorded API of this module (see {@link ApiBaseline}). */
class CloudApiBaselineTest {

    @Test
    void publicApiMatchesTheBaseline() {
        assertThatCode(() -> ApiBaseline.check("letta-code-transport-cloud", CloudTransportModule.class,
                "ai.letta.code.transport.cloud"))
                .doesNotThrowAnyException();
    }
}

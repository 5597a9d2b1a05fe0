package ai.letta.code.transport.cloud;

import ai.letta.code.testkit.api.ApiBaseline;
import org.junit.jupiter.api.Test;

/** The recorded API of this module (see {@link ApiBaseline}). */
class CloudApiBaselineTest {

    @Test
    void publicApiMatchesTheBaseline() {
        ApiBaseline.check("letta-code-transport-cloud", CloudTransportModule.class, "ai.letta.code.transport.cloud");
    }
}

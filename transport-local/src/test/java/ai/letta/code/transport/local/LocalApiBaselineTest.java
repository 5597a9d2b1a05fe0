package ai.letta.code.transport.local;

import ai.letta.code.testkit.api.ApiBaseline;
import org.junit.jupiter.api.Test;

/** The recorded API of this module (see {@link ApiBaseline}). */
class LocalApiBaselineTest {

    @Test
    void publicApiMatchesTheBaseline() {
        ApiBaseline.check("letta-code-transport-local", LocalTransportModule.class, "ai.letta.code.transport.local");
    }
}

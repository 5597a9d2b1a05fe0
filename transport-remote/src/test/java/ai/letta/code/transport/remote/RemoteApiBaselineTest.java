package ai.letta.code.transport.remote;

import ai.letta.code.testkit.api.ApiBaseline;
import org.junit.jupiter.api.Test;

/** The recorded API of this module (see {@link ApiBaseline}). */
class RemoteApiBaselineTest {

    @Test
    void publicApiMatchesTheBaseline() {
        ApiBaseline.check("letta-code-transport-remote", RemoteTransportModule.class, "ai.letta.code.transport.remote");
    }
}

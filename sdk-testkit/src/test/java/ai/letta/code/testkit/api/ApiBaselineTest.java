package ai.letta.code.testkit.api;

import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.core.LettaCode;
import ai.letta.code.testkit.contract.TransportContract;
import org.junit.jupiter.api.Test;

/** The recorded API of sdk-api, sdk-core and the testkit (see {@link ApiBaseline}). */
class ApiBaselineTest {

    @Test
    void sdkApi() {
        ApiBaseline.check("letta-code-sdk-api", LettaCodeClient.class, "ai.letta.code.api..", "ai.letta.code.spi");
    }

    @Test
    void sdkCore() {
        ApiBaseline.check("letta-code-sdk-core", LettaCode.class, "ai.letta.code.core", "ai.letta.code.core.spi",
                "ai.letta.code.core.turn");
    }

    @Test
    void testkit() {
        ApiBaseline.check("letta-code-sdk-testkit", TransportContract.class, "ai.letta.code.testkit..");
    }
}

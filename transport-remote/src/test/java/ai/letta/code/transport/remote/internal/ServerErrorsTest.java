package ai.letta.code.transport.remote.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.letta.code.api.exception.AgentNotFoundException;
import ai.letta.code.api.exception.AuthenticationException;
import ai.letta.code.api.exception.ConflictException;
import ai.letta.code.api.exception.LettaCodeException;
import ai.letta.code.api.exception.NotFoundException;
import ai.letta.code.api.exception.PendingApprovalException;
import ai.letta.code.api.exception.RateLimitException;
import ai.letta.code.api.exception.TransportException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The app server words a refusal of its Letta API as the Letta client does, {@code "<status> <body>"} (what it sent
 * for {@code agent_create} against a fake answering {@code POST /v1/agents} with each status): the status picks the
 * exception and stays in the message.
 */
class ServerErrorsTest {

    private static final String PEER = "the app server at ws://127.0.0.1:1/ws";

    @ParameterizedTest(name = "HTTP {0}")
    @CsvSource({"401, AuthenticationException", "403, AuthenticationException", "404, NotFoundException",
            "409, ConflictException", "429, RateLimitException", "500, TransportException",
            "503, TransportException"})
    void aLettaApiStatusPicksTheException(int status, String type) {
        LettaCodeException refused = ServerErrors.refused("agent_create",
                status + " {\"detail\":\"fake failure " + status + "\"}", PEER);

        assertThat(refused.getClass().getSimpleName()).isEqualTo(type);
        assertThat(refused.getMessage()).contains(String.valueOf(status)).contains("agent_create").contains(PEER);
    }

    @Test
    void aRateLimitCarriesNoInventedWait() {
        RateLimitException limited = (RateLimitException) ServerErrors.refused("agent_create",
                "429 {\"detail\":\"slow down\"}", PEER);
        assertThat(limited.retryAfter()).isEmpty();
    }

    @Test
    void textWithoutALeadingStatusKeepsItsMeaning() {
        assertThat(ServerErrors.refused("agent_get", "Agent agent-1 not found", PEER))
                .isInstanceOf(AgentNotFoundException.class);
        assertThat(ServerErrors.refused("input", "a pending approval blocks the conversation", PEER))
                .isInstanceOf(PendingApprovalException.class);
        assertThat(ServerErrors.refused("input", "runtime is no longer active", PEER))
                .isInstanceOf(ConflictException.class);
        assertThat(ServerErrors.refused("input", "took 500 ms and then gave up", PEER))
                .isExactlyInstanceOf(LettaCodeException.class);
        assertThat(ServerErrors.refused("input", null, PEER)).isExactlyInstanceOf(LettaCodeException.class)
                .isNotInstanceOf(TransportException.class).isNotInstanceOf(NotFoundException.class)
                .isNotInstanceOf(AuthenticationException.class);
    }
}

package ai.letta.code.transport.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.exception.AuthenticationException;
import ai.letta.code.api.exception.ConflictException;
import ai.letta.code.api.exception.LettaCodeException;
import ai.letta.code.api.exception.NotFoundException;
import ai.letta.code.api.exception.RateLimitException;
import ai.letta.code.api.exception.TransportException;
import ai.letta.code.testkit.peer.NoLeftoverProcesses;
import ai.letta.code.testkit.sink.RecordingSink;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A CLI whose Letta API refuses its startup request reports the status only in a stdout {@code type:error} line
 * (fake-letta.js {@code api-refused}, as CLI 0.32.18 does): the SDK's exception is typed by that status and names
 * it, for createAgent's {@code --new-agent} process and for a session's first process alike.
 */
@ExtendWith(NoLeftoverProcesses.class)
@Timeout(60)
class StartupRefusalTest {

    @ParameterizedTest(name = "HTTP {0}")
    @CsvSource({"401, AuthenticationException", "403, AuthenticationException", "404, NotFoundException",
            "409, ConflictException", "429, RateLimitException", "500, TransportException",
            "503, TransportException"})
    void aRefusedStartupRequestIsTypedByItsStatus(int status, String type) {
        Class<? extends LettaCodeException> expected = switch (type) {
            case "AuthenticationException" -> AuthenticationException.class;
            case "NotFoundException" -> NotFoundException.class;
            case "ConflictException" -> ConflictException.class;
            case "RateLimitException" -> RateLimitException.class;
            default -> TransportException.class;
        };
        LocalTransport transport = new LocalTransport(FakeCli.options("api-refused")
                .env("FAKE_STATUS", String.valueOf(status)).build());
        try {
            Throwable created = catchThrowable(() -> transport.agents().create(AgentOptions.builder().build()));
            assertThat(created).isExactlyInstanceOf(expected).hasMessageContaining("HTTP " + status)
                    .hasMessageContaining("refused " + status);

            Throwable opened = catchThrowable(() -> FakeCli.open(transport, new RecordingSink()));
            assertThat(opened).isExactlyInstanceOf(expected).hasMessageContaining("HTTP " + status);
        } finally {
            transport.close();
        }
    }
}

package ai.letta.code.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.exception.AuthenticationException;
import ai.letta.code.api.exception.ConflictException;
import ai.letta.code.api.exception.LettaCodeException;
import ai.letta.code.api.exception.NotFoundException;
import ai.letta.code.api.exception.RateLimitException;
import ai.letta.code.api.exception.TransportException;
import ai.letta.code.testkit.fault.FaultInjection;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fault matrix's HTTP status faults ({@code FaultSupport}): the peer's HTTP API answers {@code createAgent}
 * with an error status; the SDK throws the exception type the status maps to, naming the status.
 */
public abstract class HttpFaultContract extends FaultSupport {

    /** For the transport's test, which subclasses it with its peer. */
    public HttpFaultContract() {}

    /** An HTTP error, retried or not, is a typed exception within this. */
    static final Duration HTTP_BOUND = Duration.ofSeconds(60);

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {401, 403, 404, 409, 429, 500, 503})
    void anHttpErrorOfThePeersApiIsATypedException(int status) {
        Assumptions.assumeTrue(peer instanceof FaultInjection injection && injection.failAgentCreation(status),
                "the peer has no HTTP API it can make fail; scenario skipped");
        FaultInjection injection = (FaultInjection) peer;
        Class<? extends LettaCodeException> expected = switch (status) {
            case 401, 403 -> AuthenticationException.class;
            case 404 -> NotFoundException.class;
            case 409 -> ConflictException.class;
            case 429 -> RateLimitException.class;
            default -> TransportException.class;
        };
        long start = System.nanoTime();
        Throwable thrown;
        try {
            thrown = catchThrowable(() -> withinBound("createAgent against HTTP " + status, HTTP_BOUND,
                    () -> client.createAgent(AgentOptions.builder().name("fault-" + status).build())));
        } finally {
            injection.clearApiFailures();
        }
        long toOutcome = millisSince(start);
        Throwable cause = thrown instanceof AssertionError && thrown.getCause() != null ? thrown.getCause() : thrown;
        assertThat(cause).as("createAgent against HTTP %d", status).isInstanceOf(expected);
        assertThat(cause.getMessage()).contains(String.valueOf(status));
        finish("HTTP " + status + " from the peer's API (createAgent)", HTTP_BOUND,
                cause.getClass().getSimpleName(), toOutcome, cause);
    }
}

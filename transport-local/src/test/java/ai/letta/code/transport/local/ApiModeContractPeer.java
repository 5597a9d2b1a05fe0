package ai.letta.code.transport.local;

import ai.letta.code.api.backend.CliBackend;
import ai.letta.code.api.backend.LocalMode;
import ai.letta.code.testkit.fakeapi.FakeLettaApi;
import ai.letta.code.testkit.fault.ApiFailures;
import java.util.List;

/**
 * The real pinned CLI in API mode ({@code CliBackend.lettaApi}) against a {@link FakeLettaApi} started for this
 * peer: the CLI's default backend, with agents, conversations and runs on the (fake) Letta server and tools run
 * for real by the CLI in the peer's work directory. What the model "received" is what the fake answered, with the
 * system prompt a Letta server compiles from the agent (the CLI sends only messages).
 */
final class ApiModeContractPeer extends CliContractPeer {

    static final String MODEL = "anthropic/fake-claude";
    static final String ALTERNATE_MODEL = "anthropic/fake-claude-2";

    private final ApiFailures failures = new ApiFailures();
    private final FakeLettaApi api;

    ApiModeContractPeer() {
        this(LocalMode.STDIO);
    }

    /** @param mode how the client runs the CLI */
    ApiModeContractPeer(LocalMode mode) {
        api = FakeLettaApi.builder().model(MODEL).model(ALTERNATE_MODEL).front(failures).start();
        connect(api, baseOptions().mode(mode).cliBackend(CliBackend.lettaApi(api.baseUrl(), "test-key"))
                // memfs and reflection call endpoints a Letta fake does not serve (local-stdio.md §5.4 (f)).
                .extraArgs(List.of("--no-memfs", "--reflection-trigger", "off")));
    }

    /** @return the fake Letta API, for scenario-specific assertions */
    FakeLettaApi api() {
        return api;
    }

    /** The CLI's {@code --new-agent} process creates the agent with {@code POST /v1/agents} on the fake. */
    @Override
    public boolean failAgentCreation(int status) {
        failures.failAgentCreation(status);
        return true;
    }

    @Override
    public void clearApiFailures() {
        failures.clear();
    }

    /** The app server in API mode calls a failing model four times: once and three retries (CLI 0.32.18). */
    @Override
    public int modelCallAttempts() {
        return options().mode() == LocalMode.APP_SERVER ? 4 : 1;
    }

    @Override
    public String alternateModel() {
        return ALTERNATE_MODEL;
    }
}

package ai.letta.code.transport.local;

import ai.letta.code.api.backend.CliBackend;
import ai.letta.code.api.backend.LocalMode;
import ai.letta.code.api.backend.LocalOptions;
import ai.letta.code.testkit.fakeapi.FakeLettaApi;
import ai.letta.code.testkit.fault.ApiFailures;
import java.util.List;
import java.util.Map;

/**
 * The real pinned CLI in API mode ({@code CliBackend.lettaApi}) against a {@link FakeLettaApi} started for this
 * peer: the CLI's default backend, with agents, conversations and runs on the (fake) Letta server and tools run
 * for real by the CLI in the peer's work directory. What the model "received" is what the fake answered, with the
 * system prompt a Letta server compiles from the agent (the CLI sends only messages).
 */
class ApiModeContractPeer extends CliContractPeer {

    static final String MODEL = "anthropic/fake-claude";
    static final String ALTERNATE_MODEL = "anthropic/fake-claude-2";

    private final ApiFailures failures = new ApiFailures();
    private final FakeLettaApi api;

    ApiModeContractPeer() {
        this(LocalMode.STDIO);
    }

    /** @param mode how the client runs the CLI */
    ApiModeContractPeer(LocalMode mode) {
        this(mode, Map.of());
    }

    /**
     * @param mode how the client runs the CLI
     * @param env more variables for every CLI process of the client
     */
    ApiModeContractPeer(LocalMode mode, Map<String, String> env) {
        api = FakeLettaApi.builder().model(MODEL).model(ALTERNATE_MODEL).front(failures).start();
        LocalOptions.Builder options = baseOptions().mode(mode);
        env.forEach(options::env);
        connect(api, options.cliBackend(CliBackend.lettaApi(api.baseUrl(), "test-key"))
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

    @Override
    public String alternateModel() {
        return ALTERNATE_MODEL;
    }
}

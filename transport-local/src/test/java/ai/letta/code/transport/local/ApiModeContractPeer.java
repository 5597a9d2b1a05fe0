package ai.letta.code.transport.local;

import ai.letta.code.api.backend.CliBackend;
import ai.letta.code.testkit.fakeapi.FakeLettaApi;
import ai.letta.code.testkit.script.TurnRequest;
import ai.letta.code.testkit.script.TurnScript;
import java.util.ArrayList;
import java.util.List;

/**
 * The real pinned CLI in API mode ({@code CliBackend.lettaApi}) against a {@link FakeLettaApi} started for this
 * peer: the CLI's default backend, with agents, conversations and runs on the (fake) Letta server and tools run
 * for real by the CLI in the peer's work directory.
 *
 * <p>What the model "received" is read from the fake: the turn requests it answered, with the system prompt the
 * server would compile from the agent's {@code system} and memory blocks (a Letta server holds the prompt; the CLI
 * sends only messages).
 */
final class ApiModeContractPeer extends CliContractPeer {

    static final String MODEL = "anthropic/fake-claude";
    static final String ALTERNATE_MODEL = "anthropic/fake-claude-2";

    private final FakeLettaApi api;

    ApiModeContractPeer() {
        api = FakeLettaApi.builder().model(MODEL).model(ALTERNATE_MODEL).start();
        try {
            connect(baseOptions().cliBackend(CliBackend.lettaApi(api.baseUrl(), "test-key"))
                    // memfs and reflection call endpoints a Letta fake does not serve (local-stdio.md §5.4 (f)).
                    .extraArgs(List.of("--no-memfs", "--reflection-trigger", "off")));
        } catch (RuntimeException e) {
            api.close();
            throw e;
        }
    }

    /** @return the fake Letta API, for scenario-specific assertions */
    FakeLettaApi api() {
        return api;
    }

    @Override
    public void enqueue(TurnScript script) {
        api.enqueue(script);
    }

    @Override
    public List<ModelRequest> modelRequests() {
        List<ModelRequest> requests = new ArrayList<>();
        for (TurnRequest turn : api.turns()) {
            requests.add(new ModelRequest(turn.model(), api.systemPromptOf(turn).orElse(null),
                    turn.userText().isEmpty() ? null : turn.userText()));
        }
        return requests;
    }

    @Override
    public String alternateModel() {
        return ALTERNATE_MODEL;
    }

    @Override
    protected void stopServer() {
        api.close();
    }
}

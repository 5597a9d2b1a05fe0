package ai.letta.code.transport.local;

import ai.letta.code.api.backend.CliBackend;
import ai.letta.code.testkit.fakeapi.FakeLettaApi;
import ai.letta.code.testkit.script.TurnRequest;
import ai.letta.code.testkit.script.TurnScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

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
            requests.add(new ModelRequest(turn.model(), agentOf(turn).map(ApiModeContractPeer::compiledSystem)
                    .orElse(null), turn.userText().isEmpty() ? null : turn.userText()));
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

    /** The agent a turn request belongs to: by conversation, by agent-scoped path, or by the body's agent id. */
    private Optional<JsonNode> agentOf(TurnRequest turn) {
        String[] segments = turn.recorded().path().split("/");
        for (String segment : segments) {
            if (segment.startsWith("agent-")) {
                return api.agent(segment);
            }
            if (segment.startsWith("conv-")) {
                return api.conversations().stream().filter(c -> segment.equals(c.path("id").asString()))
                        .findFirst().flatMap(c -> api.agent(c.path("agent_id").asString()));
            }
        }
        String agentId = turn.recorded().json().path("agent_id").asString("");
        return agentId.isEmpty() ? Optional.empty() : api.agent(agentId);
    }

    /** The agent's system text followed by its memory blocks, the way a Letta server compiles the prompt. */
    private static String compiledSystem(JsonNode agent) {
        StringBuilder prompt = new StringBuilder(agent.path("system").asString(""));
        for (JsonNode block : agent.path("memory").path("blocks")) {
            String label = block.path("label").asString("");
            prompt.append("\n<").append(label).append(">\n").append(block.path("value").asString(""))
                    .append("\n</").append(label).append(">");
        }
        return prompt.toString();
    }
}

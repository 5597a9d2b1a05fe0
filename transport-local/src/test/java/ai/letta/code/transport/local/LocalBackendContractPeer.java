package ai.letta.code.transport.local;

import ai.letta.code.api.backend.CliBackend;
import ai.letta.code.testkit.fakemodel.FakeModelEndpoint;
import ai.letta.code.testkit.peer.LocalProviderRecord;
import ai.letta.code.testkit.script.TurnRequest;
import ai.letta.code.testkit.script.TurnScript;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The real pinned CLI on its own local backend ({@code CliBackend.localModels()}: agents, conversations and memory
 * on disk under the peer's {@code HOME}) with {@code openai-compatible/*} models served by a
 * {@link FakeModelEndpoint} started for this peer, through the provider record in that {@code HOME}
 * (offline-peers.md §4.2). Agents created without a model get the provider's first model, {@code fake-model}.
 */
final class LocalBackendContractPeer extends CliContractPeer {

    static final String MODEL = "openai-compatible/fake-model";
    static final String ALTERNATE_MODEL = "openai-compatible/fake-model-2";

    private final FakeModelEndpoint model;

    LocalBackendContractPeer() {
        model = FakeModelEndpoint.builder().model("fake-model").model("fake-model-2").start();
        try {
            LocalProviderRecord.writeOpenAiCompatible(home, model.baseUrl(), "x");
            // No -m: with only this provider configured, the local backend's default model is its first model.
            connect(baseOptions().cliBackend(CliBackend.localModels()));
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** @return the fake model endpoint, for scenario-specific assertions */
    FakeModelEndpoint model() {
        return model;
    }

    @Override
    public void enqueue(TurnScript script) {
        model.enqueue(script);
    }

    @Override
    public List<ModelRequest> modelRequests() {
        List<ModelRequest> requests = new ArrayList<>();
        for (TurnRequest turn : model.turns()) {
            JsonNode first = turn.recorded().json().path("messages").path(0);
            String system = "system".equals(first.path("role").asString()) ? text(first.path("content")) : null;
            requests.add(new ModelRequest(turn.model(), system, turn.userText().isEmpty() ? null : turn.userText()));
        }
        return requests;
    }

    @Override
    public String alternateModel() {
        return ALTERNATE_MODEL;
    }

    @Override
    protected void stopServer() {
        model.close();
    }

    private static String text(JsonNode content) {
        return content.isString() ? content.stringValue() : NdjsonCodec.contentText(content);
    }
}

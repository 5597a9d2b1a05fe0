package ai.letta.code.transport.local;

import ai.letta.code.api.backend.CliBackend;
import ai.letta.code.api.backend.LocalMode;
import ai.letta.code.testkit.fakemodel.FakeModelEndpoint;
import ai.letta.code.testkit.peer.LocalProviderRecord;
import java.time.Duration;

/**
 * The real pinned CLI on its own local backend ({@code CliBackend.localModels()}: agents, conversations and memory
 * on disk under the peer's {@code HOME}) with {@code openai-compatible/*} models served by a
 * {@link FakeModelEndpoint} started for this peer, through the provider record in that {@code HOME}
 * (offline-peers.md §4.2). Agents created without a model get the provider's first model, {@code fake-model}.
 */
final class LocalBackendContractPeer extends CliContractPeer {

    static final String MODEL = "openai-compatible/fake-model";
    static final String ALTERNATE_MODEL = "openai-compatible/fake-model-2";

    LocalBackendContractPeer() {
        this(LocalMode.STDIO);
    }

    /** @param mode how the client runs the CLI */
    LocalBackendContractPeer(LocalMode mode) {
        FakeModelEndpoint.Builder endpoint = FakeModelEndpoint.builder().model("fake-model").model("fake-model-2");
        if (mode == LocalMode.APP_SERVER) {
            // The app server ends an aborted turn only once its model stream yields (as for the remote backend's
            // SharedAppServer): a stalled fake model gives up after a while, as a real provider's timeout would.
            endpoint.stallLimit(Duration.ofSeconds(3));
        }
        FakeModelEndpoint model = endpoint.start();
        try {
            LocalProviderRecord.writeOpenAiCompatible(home, model.baseUrl(), "x");
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
        // No -m: with only this provider configured, the local backend's default model is its first model.
        connect(model, baseOptions().mode(mode).cliBackend(CliBackend.localModels()));
    }

    @Override
    public String alternateModel() {
        return ALTERNATE_MODEL;
    }
}

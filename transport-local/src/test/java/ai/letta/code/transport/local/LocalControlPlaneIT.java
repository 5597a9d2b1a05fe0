package ai.letta.code.transport.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.UserMessage;
import ai.letta.code.api.agent.AgentInfo;
import ai.letta.code.api.conversation.PageRequest;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.model.ModelCatalog;
import ai.letta.code.api.model.ModelEntry;
import ai.letta.code.api.model.ModelUpdate;
import ai.letta.code.api.model.ReasoningEffort;
import ai.letta.code.spi.SessionChannel;
import ai.letta.code.testkit.fakemodel.FakeModelEndpoint;
import ai.letta.code.testkit.peer.NoLeftoverProcesses;
import ai.letta.code.testkit.script.RecordedRequest;
import ai.letta.code.testkit.sink.RecordingSink;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The model catalog and switch through the same CLI ({@code letta model list|set}), observed where it matters: in
 * the requests the scripted model receives; the reasoning level checked against the model's own list; and agents
 * listed through {@code letta agents list} past the pipe buffer. (Agents with memory are covered by the contract
 * suites.)
 */
@ExtendWith(NoLeftoverProcesses.class)
@Timeout(180)
class LocalControlPlaneIT {

    private static final Duration TURN = Duration.ofSeconds(30);

    @Test
    void agentsWhoseListingOverflowsThePipeBufferAreAllListed() {
        try (ApiModeContractPeer peer = new ApiModeContractPeer()) {
            String system = "You are a thorough agent. ".repeat(2000); // 52 KB: four agents print 200+ KB of JSON
            List<String> ids = IntStream.range(0, 4)
                    .mapToObj(i -> peer.api().createAgent(Map.of("name", "big-" + i, "system", system))).toList();

            List<AgentInfo> listed = peer.client().agents().list(PageRequest.first(100)).items();

            assertThat(listed).extracting(AgentInfo::id).containsAll(ids);
            assertThat(peer.client().agents().get(ids.get(3)).system()).contains(system);
        }
    }

    @Test
    void aModelSwitchChangesTheNextRequestsModel() throws Exception {
        try (LocalBackendPeer peer = new LocalBackendPeer(FakeModelEndpoint.builder().model("fake-model")
                .model("fake-model-2"))) {
            RecordingSink sink = new RecordingSink();
            try (SessionChannel channel = peer.open(sink)) {
                ModelCatalog catalog = channel.listModels();
                assertThat(catalog.entries()).extracting(ModelEntry::handle)
                        .contains("openai-compatible/fake-model", "openai-compatible/fake-model-2");
                assertThat(catalog.current()).contains("openai-compatible/fake-model");
                assertThat(catalog.find("openai-compatible/fake-model").orElseThrow().reasoningEfforts())
                        .containsExactly(ReasoningEffort.NONE);

                channel.send("c1", UserMessage.text("ping"));
                assertThat(sink.awaitResult(TURN).success()).isTrue();
                assertThat(lastChatModel(peer)).isEqualTo("fake-model");

                channel.updateModel(ModelUpdate.to("openai-compatible/fake-model-2"));
                assertThat(channel.listModels().current()).contains("openai-compatible/fake-model-2");
                channel.send("c2", UserMessage.text("ping"));
                assertThat(sink.awaitResult(TURN).success()).isTrue();
                assertThat(lastChatModel(peer)).isEqualTo("fake-model-2");

                assertThatThrownBy(() -> channel.updateModel(ModelUpdate.to("openai-compatible/fake-model")
                        .withReasoningEffort(ReasoningEffort.HIGH)))
                        .isInstanceOf(ConfigurationException.class)
                        .hasMessageContaining("reasoningEffort \"high\" is not offered by the model"
                                + " openai-compatible/fake-model on the local backend; it offers none");
            }
        }
    }

    private static String lastChatModel(LocalBackendPeer peer) {
        List<RecordedRequest> chats = peer.model.chatRequests();
        return chats.get(chats.size() - 1).json().path("model").asString();
    }
}

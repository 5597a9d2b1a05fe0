package ai.letta.code.transport.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.UserMessage;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.agent.SystemPrompt;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.model.ModelCatalog;
import ai.letta.code.api.model.ModelEntry;
import ai.letta.code.api.model.ModelUpdate;
import ai.letta.code.api.model.ReasoningEffort;
import ai.letta.code.api.port.SessionChannel;
import ai.letta.code.api.port.SessionTarget;
import ai.letta.code.testkit.fakemodel.FakeModelEndpoint;
import ai.letta.code.testkit.peer.NoLeftoverProcesses;
import ai.letta.code.testkit.script.RecordedRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What stdio lacks, done through the same CLI (agents with memory, model catalog and switch), and observed where it
 * matters: in the requests the scripted model receives.
 */
@ExtendWith(NoLeftoverProcesses.class)
@Timeout(180)
class LocalControlPlaneIT {

    private static final Duration TURN = Duration.ofSeconds(30);

    @Test
    void aModelSwitchChangesTheNextRequestsModel() throws Exception {
        try (LocalBackendPeer peer = new LocalBackendPeer(FakeModelEndpoint.builder().model("fake-model")
                .model("fake-model-2"))) {
            RecordingSink sink = new RecordingSink();
            try (SessionChannel channel = peer.open(sink)) {
                ModelCatalog catalog = channel.listModels();
                assertThat(catalog.entries()).extracting(ModelEntry::handle)
                        .contains("openai-compatible/fake-model", "openai-compatible/fake-model-2");
                assertThat(catalog.current()).isEqualTo("openai-compatible/fake-model");
                assertThat(catalog.find("openai-compatible/fake-model").orElseThrow().reasoningEfforts())
                        .containsExactly(ReasoningEffort.NONE);

                channel.send("c1", UserMessage.text("ping"));
                assertThat(sink.result(TURN).success()).isTrue();
                assertThat(lastChatModel(peer)).isEqualTo("fake-model");

                channel.updateModel(ModelUpdate.to("openai-compatible/fake-model-2"));
                assertThat(channel.listModels().current()).isEqualTo("openai-compatible/fake-model-2");
                channel.send("c2", UserMessage.text("ping"));
                assertThat(sink.result(TURN).success()).isTrue();
                assertThat(lastChatModel(peer)).isEqualTo("fake-model-2");

                assertThatThrownBy(() -> channel.updateModel(ModelUpdate.to("openai-compatible/fake-model")
                        .withReasoningEffort(ReasoningEffort.HIGH)))
                        .isInstanceOf(ConfigurationException.class)
                        .hasMessageContaining("Unsupported reasoning level 'high'");
            }
        }
    }

    @Test
    void personaAndHumanReachTheSystemPromptTheModelReceives() throws Exception {
        try (LocalBackendPeer peer = new LocalBackendPeer()) {
            String agentId = peer.transport.agents().create(AgentOptions.builder()
                    .persona("I am Patch, a terse reviewer. PERSONA-MARKER-7")
                    .human("The user prefers short answers. HUMAN-MARKER-9")
                    .model(LocalBackendPeer.MODEL)
                    .systemPrompt(SystemPrompt.custom("You are a test agent. SYSTEM-MARKER-3"))
                    .tag("java-sdk")
                    .build());
            assertThat(agentId).startsWith("agent-local-");
            assertThat(peer.transport.agents().get(agentId).tags()).contains("java-sdk");

            for (SessionTarget target : List.of(SessionTarget.newConversation(agentId),
                    SessionTarget.resume(agentId))) {
                RecordingSink sink = new RecordingSink();
                try (SessionChannel channel = peer.transport.sessions().open(target, peer.session().build(), sink)) {
                    assertThat(channel.agentId()).isEqualTo(agentId);
                    channel.send("c1", UserMessage.text("ping"));
                    assertThat(sink.result(TURN).success()).isTrue();
                    String system = systemPrompt(peer.model.chatRequests().get(peer.model.chatRequests().size() - 1));
                    assertThat(system).as("system prompt for %s", target).startsWith("You are a test agent."
                            + " SYSTEM-MARKER-3").contains("PERSONA-MARKER-7").contains("HUMAN-MARKER-9");
                }
            }
        }
    }

    @Test
    void unknownPresetsFailWithTheAcceptedNames() {
        assertThatThrownBy(() -> CliArguments.systemPrompt(SystemPrompt.preset("nope")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("default, letta, source-claude, source-codex, source-gemini");
        assertThat(CliArguments.systemPrompt(SystemPrompt.preset("letta-claude"))).containsExactly("--system", "letta");
    }

    private static String lastChatModel(LocalBackendPeer peer) {
        List<RecordedRequest> chats = peer.model.chatRequests();
        return chats.get(chats.size() - 1).json().path("model").asString();
    }

    private static String systemPrompt(RecordedRequest chat) {
        var first = chat.json().path("messages").get(0);
        var content = first.path("content");
        return content.isString() ? content.stringValue() : NdjsonCodec.contentText(content);
    }
}

package ai.letta.code.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.agent.MemoryBlock;
import ai.letta.code.api.agent.SystemPrompt;
import ai.letta.code.api.backend.Backend;
import ai.letta.code.api.backend.CliBackend;
import ai.letta.code.api.backend.CloudOptions;
import ai.letta.code.api.backend.LocalOptions;
import ai.letta.code.api.backend.RemoteOptions;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.model.ModelUpdate;
import ai.letta.code.spi.SessionTarget;
import ai.letta.code.spi.WireNames;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OptionsValidationTest {

    /** Issue 12 item 7: 512 MiB meant more than 1 GiB of heap for one line; now the same cap as remote and cloud. */
    @Test
    void theLocalLineCapDefaultsToTheFrameCapOfTheOtherBackends() {
        assertThat(LocalOptions.builder().build().maxLineBytes())
                .isEqualTo(CloudOptions.builder("k").build().maxFrameBytes())
                .isEqualTo(64 * 1024 * 1024);
    }

    @Test
    void nullCanUseToolIsRejectedWithTheFieldAndTheFix() {
        assertThatThrownBy(() -> SessionOptions.builder().canUseTool(null))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("SessionOptions.canUseTool")
                .hasMessageContaining("leave it unset");
    }

    @Test
    void nonPositiveDreamingStepCountIsRejected() {
        assertThatThrownBy(() -> Dreaming.stepCount(0))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Dreaming.stepCount must be positive (got 0)");
        assertThat(WireNames.dreamingTrigger(Dreaming.stepCount(8).trigger())).isEqualTo("step-count");
        assertThat(WireNames.dreamingTrigger(Dreaming.off().trigger())).isEqualTo("off");
    }

    @Test
    void nonPositiveTimeoutsAreRejected() {
        assertThatThrownBy(() -> SessionOptions.builder().idleTimeout(Duration.ZERO))
                .hasMessageContaining("SessionOptions.idleTimeout must be positive");
        assertThatThrownBy(() -> SessionOptions.builder().permissionTimeout(Duration.ofSeconds(-1)))
                .hasMessageContaining("SessionOptions.permissionTimeout must be positive");
        assertThatThrownBy(() -> LocalOptions.builder().startupTimeout(Duration.ofSeconds(-1)))
                .hasMessageContaining("LocalOptions.startupTimeout must be positive");
    }

    @Test
    void blankAgentIdIsRejected() {
        assertThatThrownBy(() -> SessionTarget.newConversation(" "))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("agentId must not be blank");
    }

    @Test
    void conversationIdWhereAnAgentIdIsRequiredNamesTheRightCall() {
        assertThatThrownBy(() -> SessionTarget.newConversation("conv-123"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("must be an agent id")
                .hasMessageContaining("resumeSession(conversationId)");
        assertThatThrownBy(() -> SessionTarget.existing("agent-1", "agent-2"))
                .hasMessageContaining("resumeSession(agentId)");
    }

    @Test
    void resumeClassifiesAgentAndConversationIds() {
        assertThat(SessionTarget.resume("agent-42")).isEqualTo(new SessionTarget.AgentDefault("agent-42"));
        assertThat(SessionTarget.resume("conv-7")).isEqualTo(new SessionTarget.Existing(null, "conv-7"));
        assertThat(SessionTarget.resume("local-conv-3")).isInstanceOf(SessionTarget.Existing.class);
        assertThat(SessionTarget.existing("agent-42", "agent-42")).isEqualTo(new SessionTarget.AgentDefault("agent-42"));
    }

    @Test
    void duplicateMemoryBlockLabelsAreRejected() {
        assertThatThrownBy(() -> AgentOptions.builder().persona("p")
                        .memoryBlock(MemoryBlock.of("persona", "again")).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("two memory blocks labelled 'persona'");
    }

    @Test
    void agentBlocksPutPersonaAndHumanFirst() {
        AgentOptions options = AgentOptions.builder().memoryBlock(MemoryBlock.of("project", "java"))
                .human("Ada").persona("Patch").systemPrompt(SystemPrompt.preset("letta-claude")).tag("t").build();
        assertThat(options.allBlocks()).extracting(MemoryBlock::label).containsExactly("persona", "human", "project");
        assertThat(options.systemPrompt()).contains(SystemPrompt.preset("letta-claude"));
    }

    @Test
    void modelUpdateNeedsAModelOrAnEffort() {
        assertThatThrownBy(() -> new ModelUpdate(null, null))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("ModelUpdate.to(handle)");
        assertThatThrownBy(() -> ModelUpdate.to(" ")).hasMessageContaining("ModelUpdate.modelHandle");
    }

    @Test
    void remoteUrlMustBeHttpOrWebsocket() {
        assertThatThrownBy(() -> Backend.remote(URI.create("ftp://host"), null))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("http(s):// or ws(s)://");
        assertThat(RemoteOptions.builder().build().url()).isEqualTo(RemoteOptions.DEFAULT_URL);
    }

    @Test
    void lettaApiBackendNeedsAnHttpUrlAndAKey() {
        assertThatThrownBy(() -> CliBackend.lettaApi(URI.create("file:///x"), "k"))
                .hasMessageContaining("http(s) URL");
        assertThatThrownBy(() -> CliBackend.lettaApi(URI.create("http://x"), ""))
                .hasMessageContaining("apiKey must not be blank");
    }

    @Test
    void blankMessagesAreRejected() {
        assertThatThrownBy(() -> UserMessage.text("  ")).hasMessageContaining("message text must not be blank");
    }
}

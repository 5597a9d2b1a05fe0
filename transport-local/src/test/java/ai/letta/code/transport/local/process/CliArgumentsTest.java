package ai.letta.code.transport.local.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.Dreaming;
import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.agent.MemoryBlock;
import ai.letta.code.api.agent.SystemPrompt;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.permission.PermissionMode;
import ai.letta.code.spi.SessionTarget;
import java.util.List;
import org.junit.jupiter.api.Test;

class CliArgumentsTest {

    @Test
    void unknownPresetsFailWithTheAcceptedNamesAndSdkNamesMapToTheNearest() {
        assertThatThrownBy(() -> CliArguments.systemPrompt(SystemPrompt.preset("nope")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("default, letta, source-claude, source-codex, source-gemini");
        assertThat(CliArguments.systemPrompt(SystemPrompt.preset("letta-claude"))).containsExactly("--system", "letta");
        assertThat(CliArguments.systemPrompt(SystemPrompt.custom("be brief"))).containsExactly("--system-custom",
                "be brief");
    }

    @Test
    void theModeIsAlwaysPassedAndDefaultNeverBecomesUnrestricted() {
        String args = String.join(" ", CliArguments.session(SessionTarget.newConversation("agent-1"),
                SessionOptions.builder().permissionMode(PermissionMode.DEFAULT).dreaming(Dreaming.stepCount(8))
                        .build()));
        assertThat(args).contains("--agent agent-1 --new").contains("--permission-mode standard")
                .contains("--reflection-trigger step-count --reflection-step-count 8");
        assertThat(String.join(" ", CliArguments.session(SessionTarget.resume("agent-1"), SessionOptions.defaults())))
                .contains("--agent agent-1 --conversation default").contains("--permission-mode standard");
        assertThat(CliArguments.permissionMode(PermissionMode.BYPASS_PERMISSIONS)).isEqualTo("unrestricted");
    }

    /** Issue 12 item 7: extraArgs came after --permission-mode and could override it; ids became options. */
    @Test
    void extraArgsCannotOverrideManagedFlagsAndValuesCannotBecomeOptions() {
        assertThatThrownBy(() -> CliArguments.checkExtraArgs(List.of("--verbose", "--permission-mode=unrestricted")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("--permission-mode")
                .hasMessageContaining("SessionOptions.permissionMode");
        assertThatThrownBy(() -> CliArguments.checkExtraArgs(List.of("--yolo")))
                .isInstanceOf(ConfigurationException.class);
        assertThat(CliArguments.checkExtraArgs(List.of("--verbose"))).containsExactly("--verbose");

        assertThatThrownBy(() -> CliArguments.session(SessionTarget.resume("--yolo"), SessionOptions.defaults()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("starts with '-'");
        assertThatThrownBy(() -> CliArguments.session(SessionTarget.newConversation("agent-1"),
                SessionOptions.builder().model("--yolo").build())).isInstanceOf(ConfigurationException.class);
    }
}

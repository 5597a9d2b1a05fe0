package ai.letta.code.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.event.ErrorCode;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.event.StopReason;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.model.ReasoningEffort;
import ai.letta.code.api.permission.PermissionMode;
import ai.letta.code.api.permission.ToolPermissionRequest;
import ai.letta.code.spi.Results;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenValueTypesTest {

    /** Issue 12 item 7: "unrestricted" reached the CLI as bypass while isBypass() said false. */
    @Test
    void theNewerPermissionModeNamesAreTheSameModes() {
        assertThat(PermissionMode.of("unrestricted")).isEqualTo(PermissionMode.BYPASS_PERMISSIONS);
        assertThat(PermissionMode.of("unrestricted").isBypass()).isTrue();
        assertThat(PermissionMode.of(" standard ")).isEqualTo(PermissionMode.DEFAULT);
        assertThat(PermissionMode.of("strict")).isEqualTo(PermissionMode.PLAN);
    }

    @Test
    void unknownUpstreamValuesAreKept() {
        assertThat(PermissionMode.of("supervised").value()).isEqualTo("supervised");
        assertThat(PermissionMode.of("bypassPermissions")).isEqualTo(PermissionMode.BYPASS_PERMISSIONS);
        assertThat(ReasoningEffort.of("ultra").value()).isEqualTo("ultra");
        assertThat(StopReason.of("new_reason").value()).isEqualTo("new_reason");
        assertThat(ErrorCode.of("approval_conflict_terminal").value()).isEqualTo("approval_conflict_terminal");
    }

    @Test
    void missingWireValuesNeverFail() {
        assertThat(StopReason.of(null).value()).isEqualTo("unknown");
        assertThat(ErrorCode.of("").value()).isEqualTo("error");
    }

    @Test
    void blankModesAreRejected() {
        assertThatThrownBy(() -> PermissionMode.of(" ")).isInstanceOf(ConfigurationException.class);
    }

    @Test
    void interruptedResultIsNeitherSuccessNorFailure() {
        Result result = Results.interrupted(ErrorCode.INTERRUPTED, "partial", "conv-1");
        assertThat(result.success()).isFalse();
        assertThat(result.interrupted()).isTrue();
        assertThat(result.status()).isEqualTo(Result.Status.INTERRUPTED);
        assertThat(result.errorCode()).contains(ErrorCode.INTERRUPTED);
    }

    @Test
    void userInputToolsAreMarked() {
        assertThat(ToolPermissionRequest.of("perm-1", "c1", "AskUserQuestion", Map.of()).needsUserInput()).isTrue();
        assertThat(ToolPermissionRequest.of("perm-2", "c2", "Bash", Map.of()).needsUserInput()).isFalse();
    }
}

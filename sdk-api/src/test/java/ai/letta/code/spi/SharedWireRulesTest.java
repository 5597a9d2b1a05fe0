package ai.letta.code.spi;

import static org.assertj.core.api.Assertions.assertThat;

import ai.letta.code.api.permission.PermissionMode;
import ai.letta.code.api.permission.ToolPermissionRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small wire rules every transport shares: permission modes, the {@code default} alias, user-input tools. */
class SharedWireRulesTest {

    @Test
    void theSdksModesMapToDeviceModesAndDeviceModesPassUnchanged() {
        assertThat(WireNames.deviceMode(PermissionMode.DEFAULT)).contains("standard");
        assertThat(WireNames.deviceMode(PermissionMode.ACCEPT_EDITS)).contains("acceptEdits");
        assertThat(WireNames.deviceMode(PermissionMode.BYPASS_PERMISSIONS)).contains("unrestricted");
        assertThat(WireNames.deviceMode(PermissionMode.PLAN)).contains("strict");
        assertThat(WireNames.deviceMode(PermissionMode.of("strict"))).contains("strict");
        assertThat(WireNames.deviceMode(PermissionMode.of("yolo"))).isEmpty();
        assertThat(WireNames.sdkModes()).containsExactlyInAnyOrder("default", "acceptEdits", "bypassPermissions",
                "plan");
    }

    @Test
    void theDefaultAliasIsReportedAsTheAgentId() {
        assertThat(SessionTarget.reportedConversationId("agent-1", "default")).isEqualTo("agent-1");
        assertThat(SessionTarget.reportedConversationId("agent-1", "conv-2")).isEqualTo("conv-2");
        assertThat(SessionTarget.reportedConversationId(null, "default")).isEqualTo("default");
        assertThat(SessionTarget.resume(SessionTarget.reportedConversationId("agent-1", "default")))
                .isEqualTo(new SessionTarget.AgentDefault("agent-1"));
    }

    @Test
    void aRequestForAToolThatAsksTheUserNeedsUserInput() {
        assertThat(ToolPermissionRequest.of("r1", "c1", "AskUserQuestion", Map.of(), null, null).needsUserInput())
                .isTrue();
        assertThat(ToolPermissionRequest.of("r2", "c2", "Bash", Map.of(), null, "/etc").needsUserInput()).isFalse();
        assertThat(ToolPermissionRequest.asksUser("ExitPlanMode")).isTrue();
    }
}

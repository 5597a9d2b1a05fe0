package ai.letta.code.transport.remote;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link ReconnectScenarios} on the app server in API mode (state on a {@code FakeLettaApi}). A restarted app
 * server finds a pending approval from the conversation's last in-context message on the Letta server and replays
 * it; it refuses an answer that arrives before that, and the SDK sends the decision again when the approval is
 * replayed. An interactive tool's approval then goes on; a shell call's is replayed too, but every answer to it
 * is refused (verified on CLI 0.32.18).
 */
class RemoteApiModeReconnectIT extends ReconnectScenarios {

    @RegisterExtension
    static final SharedAppServer<?> API_MODE = SharedAppServer.inApiMode();

    @Override
    SharedAppServer<?> shared() {
        return API_MODE;
    }

    /** Unlike the local backend, the input after the restart carries no note about the closed call. */
    @Test
    void aShellApprovalDoesNotSurviveARestartAndTheSessionGoesOn() {
        assertThat(assertAShellApprovalDiesWithARestart()).doesNotContain("stale pending tool call")
                .contains("what happened?");
    }
}

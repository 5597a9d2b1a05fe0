package ai.letta.code.transport.remote;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link ReconnectScenarios} on the app server in API mode (state on a {@code FakeLettaApi}). A restarted app
 * server finds a pending approval from the conversation's last in-context message on the Letta server and replays
 * it; it refuses an answer that arrives before that, and the SDK sends the decision again when the approval is
 * replayed. An interactive tool's approval then goes on; a shell call's stays refused (verified on CLI 0.32.18).
 */
class RemoteApiModeReconnectIT extends ReconnectScenarios {

    @RegisterExtension
    static final SharedAppServer<?> API_MODE = SharedAppServer.inApiMode();

    @Override
    SharedAppServer<?> shared() {
        return API_MODE;
    }

    @Test
    void aShellApprovalDoesNotSurviveARestartAndTheSessionGoesOn() {
        Restarted restarted = allowShellCommandAfterARestart("touch restarted.txt && echo written");
        shared().fake().clear(); // the shell script's answer to a tool result that will never come

        // The restarted server replays the shell call's approval but refuses every answer to it (verified: the
        // decision sent once more on the replay is refused too); unlike the local backend, the next input carries
        // no note about the closed call.
        scriptedTurn(restarted.session(), "what happened?", "the call was closed");
        assertThat(workDir.resolve("restarted.txt")).doesNotExist();
        assertThat(restarted.asked()).hasSize(1);
    }
}

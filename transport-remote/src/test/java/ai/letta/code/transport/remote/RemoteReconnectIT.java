package ai.letta.code.transport.remote;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link ReconnectScenarios} on the app server's local backend (scripted model, state on disk). A restarted server
 * rebuilds a pending approval of an interactive tool ({@code AskUserQuestion}) from the history, but not of any
 * other tool: a shell call's id is refused as no longer pending, and the next input tells the model the call was
 * closed as stale (verified on CLI 0.32.18).
 */
class RemoteReconnectIT extends ReconnectScenarios {

    @RegisterExtension
    static final SharedAppServer<?> LOCAL_BACKEND = SharedAppServer.onLocalBackend();

    @Override
    SharedAppServer<?> shared() {
        return LOCAL_BACKEND;
    }

    @Test
    void aShellApprovalDoesNotSurviveARestartAndTheModelIsToldItWasClosed() {
        assertThat(assertAShellApprovalDiesWithARestart()).contains("stale pending tool call");
    }
}

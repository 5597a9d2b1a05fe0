package ai.letta.code.transport.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.Dreaming;
import ai.letta.code.api.Session;
import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.backend.CliBackend;
import ai.letta.code.api.command.CommandResponse;
import ai.letta.code.api.command.ResponseMatcher;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.exception.UnsupportedFeatureException;
import ai.letta.code.api.permission.PermissionMode;
import ai.letta.code.testkit.fakeapi.FakeLettaApi;
import ai.letta.code.testkit.peer.NoLeftoverProcesses;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Session settings and raw commands through {@code LettaCode.create(Backend.local(...))} against the real pinned
 * CLI: what the CLI cannot do fails at once with a typed exception, and what it can still works.
 */
@ExtendWith(NoLeftoverProcesses.class)
@Timeout(180)
class LocalSessionSettingsIT {

    /** Far longer than this class's timeout: a command that waited for an answer would fail the test. */
    private static final Duration FOREVER = Duration.ofHours(1);

    /** An API-mode peer whose agents have no memfs (a Letta server without git memory), so dreaming cannot run. */
    private static final class NoMemfsApiPeer extends CliContractPeer {
        NoMemfsApiPeer() {
            FakeLettaApi api = FakeLettaApi.builder().model(ApiModeContractPeer.MODEL).start();
            connect(api, baseOptions().cliBackend(CliBackend.lettaApi(api.baseUrl(), "test-key"))
                    .extraArgs(List.of("--no-memfs")));
        }

        @Override
        public String alternateModel() {
            return ApiModeContractPeer.ALTERNATE_MODEL;
        }
    }

    private static SessionOptions.Builder options(CliContractPeer peer) {
        return SessionOptions.builder().cwd(peer.workDir()).permissionMode(PermissionMode.DEFAULT);
    }

    @Test
    void dreamingOnAnAgentWithoutMemfsIsAConfigurationProblemAndWithoutDreamingItOpens() {
        try (NoMemfsApiPeer peer = new NoMemfsApiPeer()) {
            String agent = peer.client().createAgent(AgentOptions.builder().build());

            assertThatThrownBy(() -> peer.client().createSession(agent,
                    options(peer).dreaming(Dreaming.stepCount(5)).build()))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("requires memfs enabled for this agent")
                    .hasMessageContaining("Dreaming.off()");

            try (Session session = peer.client().createSession(agent, options(peer).dreaming(Dreaming.off()).build())) {
                assertThat(session.conversationId()).isNotBlank();
            }
        }
    }

    @Test
    void appServerCommandsFailAtOnceAndAControlRequestIsAnswered() {
        try (LocalBackendContractPeer peer = new LocalBackendContractPeer()) {
            String agent = peer.client().createAgent(AgentOptions.builder().build());
            try (Session session = peer.client().createSession(agent, options(peer).build())) {
                Map<String, Object> runtime = Map.of("agent_id", agent, "conversation_id", session.conversationId());

                assertThatThrownBy(() -> session.sendCommand(Map.of("type", "sync", "runtime", runtime),
                        ResponseMatcher.type("sync_response"), FOREVER))
                        .isInstanceOf(UnsupportedFeatureException.class)
                        .hasMessageContaining("bootstrap_session_state");
                assertThatThrownBy(() -> session.sendCommand(Map.of("type", "change_device_state",
                        "runtime", runtime, "payload", Map.of("mode", "acceptEdits"))))
                        .isInstanceOf(UnsupportedFeatureException.class);

                CommandResponse state = session.sendCommand(Map.of("type", "bootstrap_session_state", "limit", 1),
                        ResponseMatcher.type("control_response"), Duration.ofSeconds(30));
                assertThat(state.get("subtype")).hasValue("success");
                assertThat(state.get("response")).hasValueSatisfying(r -> assertThat(((Map<?, ?>) r).get("agent_id"))
                        .isEqualTo(agent));
            }
        }
    }
}

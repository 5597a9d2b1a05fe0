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
import ai.letta.code.api.model.ReasoningEffort;
import ai.letta.code.api.permission.PermissionMode;
import ai.letta.code.testkit.fakeapi.FakeLettaApi;
import ai.letta.code.testkit.peer.NoLeftoverProcesses;
import ai.letta.code.testkit.peer.PeerInstall;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
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
    void theReasoningEffortIsOfTheSessionAndOneTheModelDoesNotOfferIsAConfigurationProblem() {
        try (LocalBackendContractPeer peer = new LocalBackendContractPeer()) {
            String agent = peer.client().createAgent(AgentOptions.builder().build());
            String model = LocalBackendContractPeer.MODEL;
            SessionOptions plain = options(peer).model(model).build();
            // The fake provider's models advertise one level, "none" (local-stdio.md §3.4).
            SessionOptions withEffort = options(peer).model(model).reasoningEffort(ReasoningEffort.NONE).build();
            String conversation;
            try (Session session = peer.client().createSession(agent, plain)) {
                conversation = session.conversationId();
            }
            System.out.printf("[timing] local open+close, median of %d: createSession %d ms plain, %d ms with"
                    + " reasoningEffort; resumeSession(conversation) %d ms plain, %d ms with reasoningEffort%n", RUNS,
                    median(() -> peer.client().createSession(agent, plain)),
                    median(() -> peer.client().createSession(agent, withEffort)),
                    median(() -> peer.client().resumeSession(conversation, plain)),
                    median(() -> peer.client().resumeSession(conversation, withEffort)));

            // The session's conversation has it; the agent, and so its other conversations, do not.
            assertThat(modelGet(peer, "--conversation", conversation)).contains("\"reasoning_effort\": \"none\"");
            assertThat(modelGet(peer, "--agent", agent)).doesNotContain("reasoning_effort");

            assertThatThrownBy(() -> peer.client().createSession(agent, options(peer).model(model)
                    .reasoningEffort(ReasoningEffort.HIGH).build()))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("reasoningEffort \"high\"")
                    .hasMessageContaining(model)
                    .hasMessageContaining("none");
        }
    }

    private static final int RUNS = 3;

    /** @return the median time to open and close a session, in ms (logged, never asserted) */
    private static long median(Supplier<Session> open) {
        long[] ms = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            try (Session session = open.get()) {
                ms[i] = (System.nanoTime() - start) / 1_000_000;
            }
        }
        Arrays.sort(ms);
        return ms[RUNS / 2];
    }

    /** {@code letta model get} on the peer's local backend: the model settings in effect for an agent or a conversation. */
    private static String modelGet(CliContractPeer peer, String flag, String id) {
        PeerInstall install = PeerInstall.locate();
        ProcessBuilder builder = new ProcessBuilder(install.node().toString(), install.cli().toString(), "model", "get",
                flag, id, "--backend", "local").directory(peer.workDir().toFile()).redirectErrorStream(true);
        builder.environment().put("HOME", peer.home.toString());
        builder.environment().put("LETTA_CODE_TELEM", "0");
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("letta model get exited").isTrue();
            return out.strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
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

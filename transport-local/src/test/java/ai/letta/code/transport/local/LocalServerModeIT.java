package ai.letta.code.transport.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.api.Session;
import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.SessionState;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.backend.LocalMode;
import ai.letta.code.api.exception.UnsupportedFeatureException;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.model.Models;
import ai.letta.code.core.LettaCode;
import ai.letta.code.testkit.contract.TurnChecks;
import ai.letta.code.testkit.peer.NoLeftoverProcesses;
import ai.letta.code.transport.local.process.LiveProcesses;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code LocalMode.APP_SERVER} as a client sees it, on the real pinned CLI in API mode: one server for every
 * session, started on first use, replaced after it died, gone with the client.
 */
@ExtendWith(NoLeftoverProcesses.class)
@Timeout(120)
class LocalServerModeIT {

    private static final Duration TURN = Duration.ofSeconds(30);

    @Test
    void everySessionNamingAnAgentRunsOnTheOneServer() {
        try (ApiModeContractPeer peer = new ApiModeContractPeer(LocalMode.APP_SERVER)) {
            LettaCodeClient client = peer.client();
            String agentId = client.createAgent(AgentOptions.builder().name("shared").build());
            List<Session> sessions = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                sessions.add(client.createSession(agentId, SessionOptions.builder().build()));
            }
            for (Session session : sessions) {
                TurnChecks.scriptedTurn(peer.api(), session, "hello " + session.conversationId(), "ok", TURN);
            }
            assertThat(servers()).as("app servers among this JVM's children").hasSize(1);
            // What the app server cannot do is refused in the name of the backend the user chose.
            assertThatThrownBy(() -> client.conversations().delete(sessions.get(0).conversationId()))
                    .isInstanceOf(UnsupportedFeatureException.class)
                    .hasMessageContaining("not supported by the " + BackendKind.LOCAL.label() + " backend");
            assertThat(LiveProcesses.count()).as("CLI processes of the SDK: the server alone").isEqualTo(1);
            sessions.forEach(Session::close);
        }
        assertThat(servers()).as("app servers after close()").isEmpty();
    }

    @Test
    void aServerThatDiedEndsItsSessionsAndTheNextSessionGetsANewOne() throws InterruptedException {
        try (ApiModeContractPeer peer = new ApiModeContractPeer(LocalMode.APP_SERVER)) {
            LettaCodeClient client = peer.client();
            String agentId = client.createAgent(AgentOptions.builder().name("phoenix").build());
            Session first = client.createSession(agentId, SessionOptions.builder().build());
            TurnChecks.scriptedTurn(peer.api(), first, "before", "ok", TURN);
            Models models = client.models(); // kept across the server's death: it follows the running server
            ProcessHandle dead = servers().get(0);
            peer.killPeer(first);

            assertThat(awaitClosed(first)).as("the session on the dead server").isEqualTo(SessionState.CLOSED);

            Session second = client.resumeSession(first.conversationId(), SessionOptions.builder().build());
            Result result = TurnChecks.scriptedTurn(peer.api(), second, "after", "back", TURN);
            assertThat(result.conversationId()).hasValue(first.conversationId());
            assertThat(servers()).singleElement().isNotEqualTo(dead);
            assertThat(models.list().entries()).isNotEmpty();
            second.close();
        }
    }

    @Test
    void onTheLocalBackendAnAgentMadeByAnotherProcessRunsInAProcessOfItsOwn() {
        try (LocalBackendContractPeer peer = new LocalBackendContractPeer(LocalMode.APP_SERVER);
                LettaCodeClient stdio = LettaCode.create(peer.options().toBuilder().mode(LocalMode.STDIO).build())) {
            LettaCodeClient client = peer.client();
            String known = client.createAgent(AgentOptions.builder().name("known").build()); // starts the server
            String foreign = stdio.createAgent(AgentOptions.builder().name("foreign").build());

            assertThat(client.agents().get(foreign).name()).hasValue("foreign");
            try (Session session = client.createSession(foreign, SessionOptions.builder().build())) {
                TurnChecks.scriptedTurn(peer.fake(), session, "who made you?", "another process", TURN);
                assertThat(LiveProcesses.serving(session.conversationId())).as("a CLI of the session's own")
                        .isPresent();
            }
            try (Session session = client.createSession(known, SessionOptions.builder().build())) {
                TurnChecks.scriptedTurn(peer.fake(), session, "and you?", "the server", TURN);
                assertThat(LiveProcesses.serving(session.conversationId())).as("on the server").isEmpty();
            }
        }
    }

    @Test
    void onTheLocalBackendAnAgentWithoutAModelGetsOneItsTurnsRunOn() {
        try (LocalBackendContractPeer peer = new LocalBackendContractPeer(LocalMode.APP_SERVER)) {
            LettaCodeClient client = peer.client();
            // As a --new-agent CLI does on the local backend: no model named, the provider's first one.
            String agentId = client.createAgent(AgentOptions.builder().persona("No model named.").build());
            try (Session session = client.createSession(agentId, SessionOptions.builder().build())) {
                TurnChecks.scriptedTurn(peer.fake(), session, "which model?", "the first one", TURN);
            }
        }
    }

    private static SessionState awaitClosed(Session session) throws InterruptedException {
        long deadline = System.nanoTime() + TURN.toNanos();
        while (session.state() != SessionState.CLOSED && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return session.state();
    }

    /** @return the SDK's app server processes (the contract peer's CLI wrapper around each) */
    private static List<ProcessHandle> servers() {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().arguments().map(Arrays::asList).orElse(List.of()).contains("--listen"))
                .toList();
    }
}

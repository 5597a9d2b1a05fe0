package ai.letta.code.transport.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.api.Session;
import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.UserMessage;
import ai.letta.code.api.agent.AgentInfo;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.agent.SystemPrompt;
import ai.letta.code.api.backend.RemoteOptions;
import ai.letta.code.api.command.CommandResponse;
import ai.letta.code.api.command.ResponseMatcher;
import ai.letta.code.api.event.AssistantMessage;
import ai.letta.code.api.event.Init;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.exception.ConversationNotFoundException;
import ai.letta.code.api.exception.UnsupportedFeatureException;
import ai.letta.code.core.LettaCode;
import ai.letta.code.spi.SessionChannel;
import ai.letta.code.spi.SessionTarget;
import ai.letta.code.testkit.peer.AppServerProcess;
import ai.letta.code.testkit.peer.NoLeftoverProcesses;
import ai.letta.code.testkit.sink.RecordingSink;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The transport's ports against the real app server on its deterministic local backend (every turn: "pong"). */
@ExtendWith(NoLeftoverProcesses.class)
@Timeout(120)
class RemoteDeterministicIT {

    static final Duration WAIT = Duration.ofSeconds(20);
    static AppServerProcess server;
    static WebSocketTransport transport;

    @BeforeAll
    static void start() {
        server = AppServerProcess.builder().start();
        transport = new WebSocketTransport(RemoteOptions.builder().url(server.wsUri())
                .requestTimeout(Duration.ofSeconds(15)).build());
    }

    @AfterAll
    static void stop() {
        if (transport != null) {
            transport.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void deterministicTurnEndsWithOneSuccessfulResult() {
        String agent = transport.agents().create(AgentOptions.builder().name("det").build());
        RecordingSink sink = new RecordingSink();
        try (SessionChannel session = transport.sessions().open(SessionTarget.newConversation(agent),
                SessionOptions.defaults(), sink)) {
            session.send("cm-1", UserMessage.text("hello"));
            Result result = sink.awaitResult(WAIT);
            assertThat(result.success()).as("result %s", result).isTrue();
            assertThat(result.result().orElseThrow()).contains("pong");
            assertThat(result.conversationId().orElseThrow()).isEqualTo(session.conversationId()).startsWith("local-conv-");
            List<Object> calls = sink.calls();
            assertThat(calls.get(0)).isInstanceOf(Init.class);
            assertThat(calls).contains(new RecordingSink.TurnStarted(List.of("cm-1"), 1));
            assertThat(sink.events()).filteredOn(AssistantMessage.class::isInstance).hasSize(1);
            assertThat(sink.events()).filteredOn(Result.class::isInstance).hasSize(1);
        }
        assertThat(sink.awaitClosed(WAIT).cause()).isNull();
        assertThat(sink.violations()).isEmpty();
    }

    @Test
    void sendCommandTakesTheProtocolsCommandsAndRefusesOthersAtOnce() {
        try (LettaCodeClient client = LettaCode.create(RemoteOptions.builder().url(server.wsUri())
                .requestTimeout(Duration.ofSeconds(15)).build())) {
            String agent = client.createAgent(AgentOptions.builder().name("raw").build());
            try (Session session = client.createSession(agent, SessionOptions.defaults())) {
                Map<String, Object> runtime = Map.of("agent_id", agent, "conversation_id", session.conversationId());

                CommandResponse sync = session.sendCommand(Map.of("type", "sync", "runtime", runtime,
                        "recover_approvals", false), ResponseMatcher.type("sync_response"), WAIT);
                assertThat(sync.get("success")).hasValue(true);
                // Never answered by the server (app-server-ws.md §2.2), but taken: it is sent, not refused.
                assertThat(session.sendCommand(Map.of("type", "change_device_state", "runtime", runtime,
                        "payload", Map.of("cwd", System.getProperty("java.io.tmpdir"))))).isNotBlank();
                assertThatThrownBy(() -> session.sendCommand(Map.of("type", "bootstrap_session_state"),
                        ResponseMatcher.type("control_response"), Duration.ofHours(1)))
                        .isInstanceOf(UnsupportedFeatureException.class)
                        .hasMessageContaining("not supported by the remote backend")
                        .hasMessageContaining("change_device_state");

                session.send("still usable");
                try (var stream = session.stream()) {
                    assertThat(stream.result().success()).isTrue();
                }
            }
        }
    }

    @Test
    void createAgentStoresSystemPromptAndBlocks() {
        String agent = transport.agents().create(AgentOptions.builder().name("blocks")
                .persona("PERSONA-MARK").human("HUMAN-MARK").systemPrompt(SystemPrompt.custom("SYSTEM-MARK"))
                .tag("java").build());
        AgentInfo info = transport.agents().get(agent);
        assertThat(info.system()).contains("SYSTEM-MARK");
        assertThat(info.tags()).contains("java");
        assertThat(info.block("persona")).hasValueSatisfying(b -> assertThat(b.value()).isEqualTo("PERSONA-MARK"));
        assertThat(info.block("human")).hasValueSatisfying(b -> assertThat(b.value()).isEqualTo("HUMAN-MARK"));
        assertThat(transport.blocks().update(agent, "human", "CHANGED").value()).isEqualTo("CHANGED");
        assertThatThrownBy(() -> transport.agents().create(AgentOptions.builder()
                .systemPrompt(SystemPrompt.preset("letta-claude")).build()))
                .hasMessageContaining("preset");
    }

    @Test
    void agentMainThreadIsReportedByAgentIdAndResumesByIt() {
        String agent = transport.agents().create(AgentOptions.builder().name("main").build());
        RecordingSink first = new RecordingSink();
        try (SessionChannel session = transport.sessions().open(SessionTarget.resume(agent),
                SessionOptions.defaults(), first)) {
            assertThat(session.conversationId()).isEqualTo(agent).isNotEqualTo("default");
            session.send("cm-a", UserMessage.text("first"));
            assertThat(first.awaitResult(WAIT).success()).isTrue();
        }
        assertThat(transport.conversations().messages(agent,
                ai.letta.code.api.conversation.PageRequest.first(10)).items()).isNotEmpty();
        RecordingSink second = new RecordingSink();
        try (SessionChannel again = transport.sessions().open(SessionTarget.resume(agent), SessionOptions.defaults(),
                second)) {
            again.send("cm-b", UserMessage.text("second"));
            assertThat(second.awaitResult(WAIT).success()).isTrue();
        }
    }

    @Test
    void resumeByConversationIdLooksUpItsAgent() {
        String agent = transport.agents().create(AgentOptions.builder().name("resume").build());
        String conversation;
        RecordingSink sink = new RecordingSink();
        try (SessionChannel session = transport.sessions().open(SessionTarget.newConversation(agent),
                SessionOptions.defaults(), sink)) {
            conversation = session.conversationId();
        }
        RecordingSink resumed = new RecordingSink();
        try (SessionChannel session = transport.sessions().open(SessionTarget.resume(conversation),
                SessionOptions.defaults(), resumed)) {
            assertThat(session.agentId()).isEqualTo(agent);
            session.send("cm-r", UserMessage.text("again"));
            assertThat(resumed.awaitResult(WAIT).success()).isTrue();
        }
        assertThatThrownBy(() -> transport.sessions().open(SessionTarget.resume("local-conv-does-not-exist"),
                SessionOptions.defaults(), new RecordingSink())).isInstanceOf(ConversationNotFoundException.class);
    }

    @Test
    void invalidFieldsAreRefusedBeforeSending() {
        String agent = transport.agents().create(AgentOptions.builder().name("invalid").build());
        assertThatThrownBy(() -> transport.sessions().open(SessionTarget.newConversation(agent),
                SessionOptions.builder().permissionMode(ai.letta.code.api.permission.PermissionMode.of("yolo")).build(),
                new RecordingSink())).isInstanceOf(ConfigurationException.class).hasMessageContaining("yolo");
        assertThatThrownBy(() -> transport.sessions().open(SessionTarget.newConversation(agent),
                SessionOptions.builder().reasoningEffort(ai.letta.code.api.model.ReasoningEffort.of("ultra")).build(),
                new RecordingSink())).isInstanceOf(ConfigurationException.class).hasMessageContaining("ultra");
    }

    @Test
    void twoHundredOpenCloseCyclesLeakNoThreadOrSession() {
        String agent = transport.agents().create(AgentOptions.builder().name("cycles").build());
        Set<String> threadsBefore = liveThreadNames();
        for (int i = 0; i < 200; i++) {
            RecordingSink sink = new RecordingSink();
            SessionChannel session = transport.sessions().open(SessionTarget.resume(agent),
                    SessionOptions.defaults(), sink);
            session.close();
            assertThat(sink.awaitClosed(WAIT).cause()).isNull();
        }
        assertThat(newThreads(threadsBefore)).as("threads the cycles left behind").isEmpty();
        for (int i = 0; i < 20; i++) {
            try (WebSocketTransport client = new WebSocketTransport(RemoteOptions.builder().url(server.wsUri())
                    .build())) {
                RecordingSink sink = new RecordingSink();
                client.sessions().open(SessionTarget.resume(agent), SessionOptions.defaults(), sink).close();
            }
        }
        // A stopped event loop's thread may outlive its termination future by a moment: poll, bounded.
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (eventLoopThreads() > 1 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(eventLoopThreads()).as("event-loop threads alive (the class's own client has one)")
                .isLessThanOrEqualTo(1);
        assertThat(newThreads(threadsBefore)).as("threads the client cycles left behind").isEmpty();
    }

    private static Set<String> liveThreadNames() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .collect(Collectors.toSet());
    }

    /** The threads alive now that were not before, after a bounded settle (a closed pool's thread ends a moment later). */
    private static Set<String> newThreads(Set<String> before) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        Set<String> added;
        do {
            added = new TreeSet<>(liveThreadNames());
            added.removeAll(before);
        } while (!added.isEmpty() && System.nanoTime() < deadline && pause());
        return added;
    }

    private static boolean pause() {
        try {
            Thread.sleep(50);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static long eventLoopThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("letta-remote"))
                .filter(Thread::isAlive).count();
    }

    @Test
    void twoSessionsOnOneConnectionStreamTheirOwnTurns() {
        String agent = transport.agents().create(AgentOptions.builder().name("two").build());
        RecordingSink first = new RecordingSink();
        RecordingSink second = new RecordingSink();
        try (SessionChannel a = transport.sessions().open(SessionTarget.newConversation(agent),
                SessionOptions.defaults(), first);
                SessionChannel b = transport.sessions().open(SessionTarget.newConversation(agent),
                        SessionOptions.defaults(), second)) {
            a.send("cm-1a", UserMessage.text("one"));
            b.send("cm-1b", UserMessage.text("two"));
            assertThat(first.awaitResult(WAIT).conversationId()).contains(a.conversationId());
            assertThat(second.awaitResult(WAIT).conversationId()).contains(b.conversationId());
            // The same conversation opened a second time shares the runtime; each session sees only its own turns.
            RecordingSink third = new RecordingSink();
            try (SessionChannel c = transport.sessions().open(SessionTarget.existing(agent, a.conversationId()),
                    SessionOptions.defaults(), third)) {
                c.send("cm-1c", UserMessage.text("three"));
                assertThat(third.awaitResult(WAIT).success()).isTrue();
                a.send("cm-2a", UserMessage.text("four"));
                assertThat(first.awaitResult(WAIT).success()).isTrue();
            }
            assertThat(first.events()).filteredOn(ai.letta.code.api.event.Result.class::isInstance).hasSize(2);
            assertThat(third.events()).filteredOn(ai.letta.code.api.event.Result.class::isInstance).hasSize(1);
        }
    }

    @Test
    void modelsDreamingAndRawCommands() {
        String agent = transport.agents().create(AgentOptions.builder().name("settings").build());
        RecordingSink sink = new RecordingSink();
        try (SessionChannel session = transport.sessions().open(SessionTarget.newConversation(agent),
                SessionOptions.builder().dreaming(ai.letta.code.api.Dreaming.stepCount(7)).build(), sink)) {
            // With its request_id, as the engine sends every raw command (SessionChannel#request).
            var settings = session.request(new java.util.LinkedHashMap<>(java.util.Map.of(
                    "type", "get_reflection_settings", "request_id", "raw-settings",
                    "runtime", java.util.Map.of("agent_id", agent,
                            "conversation_id", session.conversationId()))),
                    ai.letta.code.api.command.ResponseMatcher.type("get_reflection_settings_response"), WAIT);
            assertThat(settings.body().toString()).contains("step_count=7");
            session.updateDreaming(ai.letta.code.api.Dreaming.off());
            assertThat(session.listModels().current()).isPresent();
            session.updateModel(ai.letta.code.api.model.ModelUpdate.reasoningEffortOnly(
                    ai.letta.code.api.model.ReasoningEffort.HIGH));
            assertThat(session.removeQueued("nothing-queued")).isFalse();
            session.interrupt();
        }
    }
}

package ai.letta.code.transport.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.api.Session;
import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.SessionState;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.backend.CloudOptions;
import ai.letta.code.api.backend.ExecutionTarget;
import ai.letta.code.api.event.Reasoning;
import ai.letta.code.api.exception.AuthenticationException;
import ai.letta.code.api.exception.ConflictException;
import ai.letta.code.api.exception.ConversationNotFoundException;
import ai.letta.code.api.exception.ManagedSandboxExpiredException;
import ai.letta.code.api.exception.RateLimitException;
import ai.letta.code.api.exception.TransportException;
import ai.letta.code.api.permission.PermissionDecision;
import ai.letta.code.api.permission.PermissionMode;
import ai.letta.code.api.permission.ToolPermissionRequest;
import ai.letta.code.core.LettaCode;
import ai.letta.code.testkit.contract.EventRecorder;
import ai.letta.code.testkit.contract.TurnChecks;
import ai.letta.code.testkit.fakecloud.FakeLettaCloud;
import ai.letta.code.testkit.fakecloud.Sandbox;
import ai.letta.code.testkit.script.Gate;
import ai.letta.code.testkit.script.TurnRequest;
import ai.letta.code.testkit.script.TurnScript;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults of the cloud backend against {@link FakeLettaCloud} with real pinned listeners: the relay dropping the
 * SDK's sockets mid-turn and mid-approval, the listener reconnecting (1011) and re-registering under a new
 * connection id (1008), a managed sandbox expiring, control-plane error statuses, and open/close cycles that must
 * leave no thread, socket or process behind. Each failure is a typed exception or a failed {@code Result} within
 * its bound.
 */
@Timeout(180)
class CloudFaultsIT {

    static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final SharedFakeCloud SHARED = SharedFakeCloud.withEnvironment();

    @TempDir
    Path workDir;
    private FakeLettaCloud cloud;
    private final List<LettaCodeClient> clients = new CopyOnWriteArrayList<>();

    @BeforeEach
    void clearScripts() {
        cloud = SHARED.cloud();
        cloud.api().clear();
    }

    @AfterEach
    void closeClients() {
        clients.forEach(LettaCodeClient::close);
    }

    private CloudOptions.Builder options() {
        return CloudOptions.builder(cloud.apiKey()).baseUrl(cloud.baseUrl()).requestTimeout(Duration.ofSeconds(15))
                .reconnectBound(Duration.ofSeconds(20)).target(SHARED.target());
    }

    private LettaCodeClient client(CloudOptions.Builder options) {
        LettaCodeClient client = LettaCode.create(options.build());
        clients.add(client);
        return client;
    }

    private SessionOptions.Builder session() {
        return SessionOptions.builder().cwd(workDir).permissionMode(PermissionMode.DEFAULT);
    }

    private String newAgent(LettaCodeClient client) {
        return client.createAgent(AgentOptions.builder().model(SharedFakeCloud.MODEL).build());
    }

    @Test
    void aRelayDropMidTurnFailsTheTurnAtOnceAndTheNextSendWorks() {
        LettaCodeClient client = client(options());
        Session session = client.createSession(newAgent(client), session().build());
        Gate gate = new Gate();
        cloud.api().enqueue(TurnScript.builder().reasoning("streaming a long answer").awaitGate(gate)
                .assistant("never seen").build());
        session.send("stream slowly");
        try (EventRecorder recorder = EventRecorder.record(session.stream(), WAIT)) {
            recorder.awaitNext(Reasoning.class);
            long dropped = System.nanoTime();
            cloud.dropSdkSockets();
            TurnChecks.assertStreamClosed(recorder, dropped);
        }
        gate.open();
        awaitCondition("the listener to finish the dropped turn", () -> cloud.api().pendingScripts() == 0);
        scriptedTurn(session, "still there?", "back after the drop");
        assertThat(session.state()).isEqualTo(SessionState.IDLE);
    }

    @Test
    void anApprovalPendingAcrossARelayDropIsAskedOnceAndItsDecisionRunsTheTool() {
        LettaCodeClient client = client(options());
        List<ToolPermissionRequest> asked = new CopyOnWriteArrayList<>();
        CompletableFuture<PermissionDecision> answer = new CompletableFuture<>();
        Session session = client.createSession(newAgent(client), session().canUseTool(request -> {
            asked.add(request);
            return answer;
        }).build());
        cloud.api().enqueue(shell("touch relay-drop.txt && echo relay-drop-ok"));
        session.send("go on");
        try (EventRecorder recorder = EventRecorder.record(session.stream(), WAIT)) {
            awaitCondition("canUseTool", () -> !asked.isEmpty());
            long dropped = System.nanoTime();
            cloud.dropSdkSockets();
            TurnChecks.assertStreamClosed(recorder, dropped);
        }
        answer.complete(PermissionDecision.allow());

        awaitCondition("the tool to run in the listener", () -> Files.exists(workDir.resolve("relay-drop.txt")));
        awaitCondition("the model to get the tool result", () -> cloud.api().turns().stream()
                .anyMatch(t -> t.toolResult().filter(r -> r.content().contains("relay-drop-ok")).isPresent()));
        scriptedTurn(session, "done?", "done after the drop");
        assertThat(asked).hasSize(1);
    }

    @Test
    void aListenerThatReconnectsOrReRegistersIsFollowed() {
        LettaCodeClient client = client(options());
        Session session = client.createSession(newAgent(client), session().build());
        String deviceId = SHARED.environment().deviceId();
        scriptedTurn(session, "first", "before any reconnect");

        var before = cloud.environment(deviceId).orElseThrow();
        cloud.closeListenerSockets(deviceId, 1011, "please reconnect");
        // Back once a new control socket is open on the same connection (the fake relay drops what it cannot
        // deliver meanwhile).
        awaitCondition("the listener back on its connection", () -> cloud.environment(deviceId)
                .map(e -> e.online() && e.connectionId().equals(before.connectionId())
                        && !e.connectedAt().equals(before.connectedAt())).orElse(false));
        scriptedTurn(session, "after 1011", "same connection");

        cloud.closeListenerSockets(deviceId, 1008, "Environment not found");
        awaitCondition("the listener on a new connection", () -> cloud.environment(deviceId)
                .map(e -> e.online() && !e.connectionId().equals(before.connectionId())).orElse(false));
        scriptedTurn(session, "after 1008", "new connection followed");
        assertThat(session.state()).isEqualTo(SessionState.IDLE);
    }

    @Test
    void anExpiredSandboxFailsTheNextCallWithTheResumeCallAndResumingWorks() {
        LettaCodeClient client = client(options());
        ExecutionTarget.ManagedSandbox quick = ExecutionTarget.sandbox().withPollInterval(Duration.ofMillis(50))
                .withRefreshInterval(Duration.ofMillis(200)).withTerminateOnClose(true);
        Session session = client.createSession(newAgent(client), session().executionTarget(quick).build());
        String conversationId = session.conversationId();
        scriptedTurn(session, "hello sandbox", "sandbox ok");
        Sandbox sandbox = cloud.sandboxes().stream().filter(s -> conversationId.equals(s.conversationId()))
                .findFirst().orElseThrow();

        long expired = System.nanoTime();
        cloud.expireSandbox(sandbox.sandboxId());
        awaitCondition("the session to close", () -> session.state() == SessionState.CLOSED);
        assertThat(Duration.ofNanos(System.nanoTime() - expired)).isLessThan(Duration.ofSeconds(5));
        assertThatThrownBy(() -> session.send("anyone?")).isInstanceOf(ManagedSandboxExpiredException.class)
                .hasMessageContaining(sandbox.sandboxId())
                .hasMessageContaining("client.resumeSession(\"" + conversationId + "\")");

        try (Session resumed = client.resumeSession(conversationId, session().executionTarget(quick).build())) {
            scriptedTurn(resumed, "back?", "in a new sandbox");
        }
    }

    @Test
    void controlPlaneStatusesAreTypedAndNeverShowTheKey() {
        LettaCodeClient client = client(options());
        for (int status : new int[] {401, 403}) {
            cloud.failNext("POST", "^/v1/agents$", status, "{\"detail\":\"invalid api key\"}", null, 1);
            assertThatThrownBy(() -> newAgent(client)).isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining("LETTA_API_KEY").hasMessageNotContaining(cloud.apiKey());
        }
        String agentId = newAgent(client);
        assertThatThrownBy(() -> client.resumeSession("conv-missing-4711", session().build()))
                .isInstanceOf(ConversationNotFoundException.class).hasMessageContaining("conv-missing-4711");
        cloud.failNext("POST", "^/v1/conversations/?$", 409,
                "{\"error\":{\"type\":\"conflict\",\"message\":\"conversation busy\"}}", null, 1);
        assertThatThrownBy(() -> client.createSession(agentId, session().build()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("conversation busy");
        cloud.failNext("GET", "^/v1/agents/" + agentId + "$", 429,
                "{\"errorCode\":\"rate_limited\",\"message\":\"slow down\"}", 1, 3);
        long start = System.nanoTime();
        // A read: tried three times, each retry after the server's Retry-After, then the typed error.
        assertThatThrownBy(() -> client.agents().get(agentId)).isInstanceOfSatisfying(RateLimitException.class,
                e -> assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(1)));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofSeconds(2),
                Duration.ofSeconds(10));
        cloud.failNext("GET", "^/v1/agents/" + agentId + "$", 503,
                "{\"errorCode\":\"cloud_api_shutting_down\",\"message\":\"deploying\"}", null, 1);
        assertThat(client.agents().get(agentId).id()).isEqualTo(agentId); // an idempotent call, retried
        cloud.failNext("POST", "^/v1/conversations/?$", 502, "{\"detail\":\"bad gateway\"}", null, 1);
        assertThatThrownBy(() -> client.createSession(agentId, session().build()))
                .isInstanceOfSatisfying(TransportException.class,
                        e -> assertThat(e.exitCode()).hasValue(502));
    }

    @Test
    void twoHundredOpenCloseCyclesLeaveNoThreadSocketOrSession() {
        Set<String> threadsBefore = lettaThreads();
        long fdsBefore = openFileDescriptors();
        try (LettaCodeClient client = LettaCode.create(options().build())) {
            String agentId = newAgent(client);
            String conversationId = client.createSession(agentId, session().build()).conversationId();
            for (int i = 0; i < 200; i++) {
                client.resumeSession(conversationId, session().build()).close();
            }
        }
        awaitCondition("the relay to see every SDK socket closed", () -> cloud.sdkSocketCount() == 0);
        awaitCondition("the client's threads to end", () -> lettaThreads().equals(threadsBefore));
        awaitCondition("the file descriptors back to " + fdsBefore, () -> openFileDescriptors() <= fdsBefore);
    }

    private static Set<String> lettaThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("letta-")).collect(Collectors.toSet());
    }

    private static long openFileDescriptors() {
        String[] fds = new File("/proc/self/fd").list();
        return fds == null ? 0 : fds.length;
    }

    private static TurnScript shell(String command) {
        return TurnScript.builder().toolCall("Bash", Map.of("command", command, "description", "cloud fault test"))
                .assistantFrom(request -> "tool said: " + request.toolResult().map(TurnRequest.ToolResult::firstLine)
                        .orElse("nothing"))
                .build();
    }

    private void scriptedTurn(Session session, String text, String answer) {
        TurnChecks.scriptedTurn(cloud.api(), session, text, answer, WAIT);
    }

    private static void awaitCondition(String what, BooleanSupplier condition) {
        TurnChecks.awaitCondition(what, condition, WAIT);
    }
}

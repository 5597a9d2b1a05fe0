package ai.letta.code.transport.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.api.Session;
import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.SessionState;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.backend.RemoteOptions;
import ai.letta.code.api.event.Reasoning;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.exception.SessionClosedException;
import ai.letta.code.api.exception.TransportLostException;
import ai.letta.code.api.permission.PermissionDecision;
import ai.letta.code.api.permission.PermissionMode;
import ai.letta.code.api.permission.ToolPermissionRequest;
import ai.letta.code.core.LettaCode;
import ai.letta.code.testkit.contract.EventRecorder;
import ai.letta.code.testkit.contract.TurnChecks;
import ai.letta.code.testkit.peer.AppServerProcess;
import ai.letta.code.testkit.script.Gate;
import ai.letta.code.testkit.script.TurnRequest;
import ai.letta.code.testkit.script.TurnScript;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reconnects against the real app server, through the engine as a user sees them: the server killed or restarted
 * (same port and {@code HOME}) mid-turn and mid-approval, a socket cut while the server keeps its side, and a server
 * that stays away. Run on both setups of {@link SharedAppServer} by {@link RemoteReconnectIT} (local backend) and
 * {@link RemoteApiModeReconnectIT} (API mode), which add what differs between them: whether a shell approval
 * survives a restart.
 *
 * <p>What the server keeps (verified on CLI 0.32.18): agents, conversations and history (on disk, or on the Letta
 * server); a turn in memory is lost; on {@code runtime_start{recover_approvals}} a restarted server replays a
 * pending approval it can rebuild from the history, and refuses an answer for one it has not recovered yet (the
 * SDK then sends the decision again when the approval is replayed); a server that still has a subscriber replays
 * every pending approval, on connect and again on {@code runtime_start}.
 */
@Timeout(120)
abstract class ReconnectScenarios {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final Map<String, Object> QUESTION = Map.of("question", "Which colour?", "header", "Colour",
            "multiSelect", false, "options", List.of(Map.of("label", "red", "description", "warm"),
                    Map.of("label", "blue", "description", "cool")));
    static final PermissionDecision BLUE = PermissionDecision.allow(Map.of("questions", List.of(QUESTION),
            "answers", Map.of("Which colour?", "blue")));

    @TempDir
    Path workDir;
    /** The class's server (started on first use); restarted by the scenarios that kill it. */
    AppServerProcess server;
    private int firstModelRequest;
    private final List<AutoCloseable> clients = new CopyOnWriteArrayList<>();

    /** @return the server and fake of the concrete class */
    abstract SharedAppServer<?> shared();

    @BeforeEach
    void startServer() {
        server = shared().server();
        shared().fake().clear();
        firstModelRequest = shared().fake().turns().size();
    }

    @AfterEach
    void closeClients() throws Exception {
        for (AutoCloseable client : clients) {
            client.close();
        }
    }

    LettaCodeClient client(URI url, Duration reconnectBound) {
        LettaCodeClient client = LettaCode.create(RemoteOptions.builder().url(url)
                .requestTimeout(Duration.ofSeconds(15)).reconnectBound(reconnectBound).build());
        clients.add(client);
        return client;
    }

    LettaCodeClient client() {
        return client(server.wsUri(), WAIT);
    }

    /** @return a new agent on the fake's default model */
    String newAgent(LettaCodeClient client) {
        return client.createAgent(AgentOptions.builder().model(shared().model()).build());
    }

    /** A session whose approval was pending when its socket dropped, and what its {@code canUseTool} was asked. */
    record Dropped(Session session, List<ToolPermissionRequest> asked) {
    }

    /**
     * Sends a turn whose {@code script} asks for an approval; while it is pending, runs {@code drop} (a restart, a
     * cut socket), checks the turn's stream ends with {@code stream_closed} within 5 s, then answers with
     * {@code decision}.
     */
    Dropped answerAfterADrop(LettaCodeClient client, TurnScript script, Runnable drop, PermissionDecision decision) {
        List<ToolPermissionRequest> asked = new CopyOnWriteArrayList<>();
        CompletableFuture<PermissionDecision> answer = new CompletableFuture<>();
        Session session = client.createSession(newAgent(client), options().canUseTool(request -> {
            asked.add(request);
            return answer;
        }).build());
        shared().fake().enqueue(script);
        session.send("go on");
        EventRecorder recorder = EventRecorder.record(session.stream(), WAIT);
        awaitCondition("canUseTool", () -> !asked.isEmpty());

        long dropped = System.nanoTime();
        drop.run();
        assertStreamClosed(recorder, dropped);
        recorder.close();
        answer.complete(decision);
        return new Dropped(session, asked);
    }

    /**
     * Starts a turn that streams reasoning and then waits on {@code gate}, kills the server mid-turn, and checks
     * the turn's stream ends with {@code stream_closed} within 5 s and nothing after it.
     *
     * @return when the server was killed ({@link System#nanoTime()})
     */
    long killMidTurn(Session session, Gate gate) {
        shared().fake().enqueue(TurnScript.builder().reasoning("streaming a long answer").awaitGate(gate)
                .assistant("never seen").build());
        session.send("stream slowly");
        try (EventRecorder recorder = EventRecorder.record(session.stream(), WAIT)) {
            recorder.awaitNext(Reasoning.class);
            long killed = System.nanoTime();
            server.kill();
            assertStreamClosed(recorder, killed);
            recorder.assertExhausted();
            return killed;
        }
    }

    /** {@link #answerAfterADrop} of a shell command, across a restart of the server, allowed. */
    private Dropped allowShellCommandAfterARestart(String command) {
        return answerAfterADrop(client(), shell(command), server::restart, PermissionDecision.allow());
    }

    /**
     * A shell call's approval pending across a restart does not survive it (on both setups, verified): the late
     * allow is refused, the command never runs, the user was asked once, and the session's next turn works.
     *
     * @return the body of that next turn's model request
     */
    String assertAShellApprovalDiesWithARestart() {
        Dropped restarted = allowShellCommandAfterARestart("touch restarted.txt && echo written");
        shared().fake().clear(); // the shell script's answer to a tool result that will never come

        scriptedTurn(restarted.session(), "what happened?", "the call was closed");
        assertThat(workDir.resolve("restarted.txt")).doesNotExist();
        assertThat(restarted.asked()).hasSize(1);
        List<TurnRequest> requests = modelRequests();
        return requests.get(requests.size() - 1).recorded().body();
    }

    SessionOptions.Builder options() {
        return SessionOptions.builder().cwd(workDir).permissionMode(PermissionMode.DEFAULT);
    }

    static TurnScript askColour() {
        return TurnScript.builder().toolCall("AskUserQuestion", Map.of("questions", List.of(QUESTION)))
                .assistantFrom(request -> "you said: " + request.toolResult().map(TurnRequest.ToolResult::content)
                        .orElse("nothing"))
                .build();
    }

    static TurnScript shell(String command) {
        return TurnScript.builder().toolCall("Bash", Map.of("command", command, "description", "reconnect test"))
                .assistantFrom(request -> "tool said: " + request.toolResult().map(TurnRequest.ToolResult::firstLine)
                        .orElse("nothing"))
                .build();
    }

    /** The failed result of the turn the drop ended, with its error event, within 5 s of {@code since}. */
    static Result assertStreamClosed(EventRecorder recorder, long since) {
        return TurnChecks.assertStreamClosed(recorder, since);
    }

    Result scriptedTurn(Session session, String text, String answer) {
        return TurnChecks.scriptedTurn(shared().fake(), session, text, answer, WAIT);
    }

    /** @return the model requests of this test, oldest first */
    List<TurnRequest> modelRequests() {
        List<TurnRequest> all = shared().fake().turns();
        return all.subList(Math.min(firstModelRequest, all.size()), all.size());
    }

    /** Waits until the model received a tool result containing {@code text}: the server went on with the turn. */
    TurnRequest awaitToolResult(String text) {
        awaitCondition("the model to receive a tool result with " + text, () -> modelRequests().stream()
                .anyMatch(t -> t.toolResult().filter(r -> r.content().contains(text)).isPresent()));
        return modelRequests().stream()
                .filter(t -> t.toolResult().filter(r -> r.content().contains(text)).isPresent()).findFirst()
                .orElseThrow();
    }

    static void awaitCondition(String what, BooleanSupplier condition) {
        TurnChecks.awaitCondition(what, condition, WAIT);
    }

    @Test
    void anApprovalPendingAcrossARestartIsAskedOnceAndItsLateDecisionLetsTheServerGoOn() {
        Dropped restarted = answerAfterADrop(client(), askColour(), server::restart, BLUE);

        assertThat(awaitToolResult("blue").toolResult().orElseThrow().content()).contains("Which colour?");
        scriptedTurn(restarted.session(), "still there after the restart?", "yes, after the restart");
        assertThat(restarted.asked()).singleElement().satisfies(request -> {
            assertThat(request.toolName()).isEqualTo("AskUserQuestion");
            assertThat(request.needsUserInput()).isTrue();
        });
        assertThat(restarted.session().state()).isEqualTo(SessionState.IDLE);
    }

    @Test
    void aSessionResumedAfterACrashAndRestartIsOfferedTheRecoveredApprovalAndTheServerGoesOn() {
        LettaCodeClient crashed = client();
        String agentId = newAgent(crashed);
        List<ToolPermissionRequest> firstAsked = new CopyOnWriteArrayList<>();
        Session first = crashed.createSession(agentId, options().canUseTool(request -> {
            firstAsked.add(request);
            return new CompletableFuture<>(); // the user never got to answer
        }).build());
        String conversationId = first.conversationId();
        shared().fake().enqueue(askColour());
        first.send("ask me a question");
        awaitCondition("the first canUseTool", () -> !firstAsked.isEmpty());
        server.kill();
        crashed.close();

        server.restart();
        List<ToolPermissionRequest> asked = new CopyOnWriteArrayList<>();
        Session resumed = client().resumeSession(agentId, conversationId, options().canUseTool(request -> {
            asked.add(request);
            return CompletableFuture.completedFuture(BLUE);
        }).build());

        awaitToolResult("blue");
        assertThat(asked).singleElement().satisfies(request -> {
            assertThat(request.requestId()).isEqualTo(firstAsked.get(0).requestId());
            assertThat(request.toolName()).isEqualTo("AskUserQuestion");
            assertThat(request.toolInput()).containsKey("questions");
        });
        scriptedTurn(resumed, "and now?", "resumed after the crash");
    }

    @Test
    void aServerKilledMidTurnThatComesBackWithinTheBoundLetsTheSessionGoOn() {
        LettaCodeClient client = client();
        Session session = client.createSession(newAgent(client), options().build());
        Gate gate = new Gate();
        killMidTurn(session, gate);
        gate.open();
        server.restart();

        scriptedTurn(session, "are you back?", "back after the crash");
        assertThat(session.state()).isEqualTo(SessionState.IDLE);
    }

    @Test
    void aServerThatStaysAwayPastTheBoundClosesTheSessionWithATypedError() {
        LettaCodeClient client = client(server.wsUri(), Duration.ofSeconds(2));
        Session session = client.createSession(newAgent(client), options().build());
        Gate gate = new Gate();

        long killed = killMidTurn(session, gate);

        awaitCondition("the session to close", () -> session.state() == SessionState.CLOSED);
        assertThat(Duration.ofNanos(System.nanoTime() - killed)).isLessThan(Duration.ofSeconds(10));
        assertThatThrownBy(() -> session.send("anyone?")).isInstanceOf(SessionClosedException.class)
                .hasCauseInstanceOf(TransportLostException.class)
                .hasMessageContaining("reconnectBound");
        gate.open();
    }

    /** Issue 12 item 2: a socket that stayed open but went silent was never found dead (no ping). */
    @Test
    void aSocketThatGoesSilentIsFoundDeadByItsPingsAndReplaced() throws IOException {
        try (HalfOpenProxy proxy = new HalfOpenProxy(server.port())) {
            LettaCodeClient client = LettaCode.create(RemoteOptions.builder().url(proxy.wsUri())
                    .pingInterval(Duration.ofMillis(200)).requestTimeout(Duration.ofSeconds(10))
                    .reconnectBound(WAIT).build());
            clients.add(client);
            Session session = client.createSession(newAgent(client), options().build());
            int before = proxy.connectionsTaken();

            proxy.freeze();
            awaitCondition("a new connection after three silent ping intervals",
                    () -> proxy.connectionsTaken() > before);

            scriptedTurn(session, "still there after the silence?", "yes, on a new socket");
        }
    }

    @Test
    void aSocketCutWhileTheServerKeepsItsSideGetsThePendingApprovalBackAndTheDecisionRuns() throws IOException {
        try (HalfOpenProxy proxy = new HalfOpenProxy(server.port());
                LettaCodeClient client = client(proxy.wsUri(), WAIT)) {
            Dropped cut = answerAfterADrop(client, shell("touch half-open.txt && echo half-open-ok"),
                    proxy::cutClients, PermissionDecision.allow());

            awaitToolResult("half-open-ok");
            awaitCondition("the tool to run", () -> Files.exists(workDir.resolve("half-open.txt")));
            scriptedTurn(cut.session(), "done?", "done after the cut");
            assertThat(cut.asked()).hasSize(1); // replayed twice by the server, asked once
        }
    }
}

package ai.letta.code.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.api.Session;
import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.exception.AuthenticationException;
import ai.letta.code.api.exception.ConflictException;
import ai.letta.code.api.exception.LettaCodeException;
import ai.letta.code.api.exception.NotFoundException;
import ai.letta.code.api.exception.RateLimitException;
import ai.letta.code.api.exception.TransportException;
import ai.letta.code.api.event.ErrorCode;
import ai.letta.code.api.event.ErrorEvent;
import ai.letta.code.api.event.Reasoning;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.api.event.ToolResult;
import ai.letta.code.api.permission.PermissionDecision;
import ai.letta.code.testkit.fault.FaultInjection;
import ai.letta.code.testkit.fault.FaultReport;
import ai.letta.code.testkit.fault.ProcessSignals;
import ai.letta.code.testkit.fault.ResourceBaseline;
import ai.letta.code.testkit.script.TurnScript;
import ai.letta.code.testkit.secrets.LogCapture;
import ai.letta.code.testkit.secrets.Sentinels;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fault matrix, on every transport: each scenario plays one fault, waits at most its stated bound for the typed
 * outcome (a failed {@link Result}, a denial the model hears, a close that returns), then closes the client and
 * checks that the SDK's threads, pipes, sockets and descendant processes are back to what they were before
 * ({@link ResourceBaseline}), and that no secret (the peer's {@link ContractPeer#secrets()}, a sentinel in the
 * local CLI's environment) reached a log record at any level, an event or a result ({@link LogCapture}). Each run
 * appends its measured times to the {@link FaultReport} table. A fault the
 * peer cannot play ({@link FaultInjection}) is skipped, naming why.
 */
public abstract class FaultContract extends ContractSupport {

    /** A dead peer ends the turn within this. */
    static final Duration CRASH_BOUND = Duration.ofSeconds(10);
    /** Closing a session, whatever its peer is doing, returns within this. */
    static final Duration CLOSE_BOUND = Duration.ofSeconds(30);
    /** After the client is closed, its threads, descriptors and processes are gone within this. */
    static final Duration SETTLE = Duration.ofSeconds(15);
    /** An HTTP error, retried or not, is a typed exception within this. */
    static final Duration HTTP_BOUND = Duration.ofSeconds(60);
    /** The permission timeout the canUseTool scenarios set. */
    static final Duration PERMISSION_TIMEOUT = Duration.ofSeconds(1);

    private ResourceBaseline baseline;
    private LogCapture logs;

    @BeforeEach
    final void takeBaseline() {
        baseline = ResourceBaseline.take();
        logs = LogCapture.start();
    }

    @AfterEach
    final void stopCapture() {
        if (logs != null) {
            logs.close();
        }
    }

    /**
     * Default options plus, on the local backend, a sentinel secret in the CLI's environment: the scenarios check
     * it never surfaces.
     */
    private SessionOptions.Builder faultOptions() {
        SessionOptions.Builder options = options();
        if (client.backend() == BackendKind.LOCAL) {
            options.env("LETTA_FAULT_SENTINEL", Sentinels.ENV_VALUE);
        }
        return options;
    }

    @Test
    void peerCrashMidTurnEndsTheTurnFailedAndLeavesNothing() {
        assumeFeature(ContractFeature.SLOW_TURNS);
        Session session = open(newAgent(), faultOptions().build());
        peer.enqueue(heldTurn("about to crash"));
        session.send("keep going");
        EventRecorder recorder = closeLater(EventRecorder.record(session.stream(), CRASH_BOUND));
        recorder.awaitNext(Reasoning.class);

        long start = System.nanoTime();
        peer.killPeer(session);
        Result result = recorder.awaitResult();
        long toOutcome = millisSince(start);

        assertThat(result.status()).as("%s", result).isEqualTo(Result.Status.ERROR);
        assertThat(result.errorCode()).contains(ErrorCode.STREAM_CLOSED);
        finish("peer crash mid-turn", CRASH_BOUND, "Result ERROR " + result.errorCode().orElseThrow(), toOutcome,
                recorder.events());
    }

    @Test
    void frozenPeerEndsTheTurnByTheIdleTimeoutAndCloseStillReturns() {
        assumeFeature(ContractFeature.SLOW_TURNS);
        Duration idle = Duration.ofSeconds(2);
        Duration bound = idle.plus(CRASH_BOUND);
        Session session = open(newAgent(), faultOptions().idleTimeout(idle).build());
        peer.enqueue(heldTurn("about to freeze"));
        session.send("keep going");
        EventRecorder recorder = closeLater(EventRecorder.record(session.stream(), bound));
        recorder.awaitNext(Reasoning.class);

        Optional<ProcessHandle> frozen = peer instanceof FaultInjection injection ? injection.freezePeer(session)
                : Optional.empty();
        Assumptions.assumeTrue(frozen.isPresent(), "the peer has no process it can freeze; scenario skipped");
        try {
            long start = System.nanoTime();
            Result result = recorder.awaitResult();
            long toOutcome = millisSince(start);
            assertThat(result.status()).as("%s", result).isEqualTo(Result.Status.ERROR);
            assertThat(result.errorCode()).as("%s", result).get().isIn(ErrorCode.IDLE_TIMEOUT,
                    ErrorCode.STREAM_CLOSED);

            long closeStart = System.nanoTime();
            withinBound("close() with the peer frozen", CLOSE_BOUND, session::close);
            long toClose = millisSince(closeStart);
            finish("peer frozen mid-turn (SIGSTOP): stalled stream, unread input, silent socket", bound,
                    "Result ERROR " + result.errorCode().orElseThrow() + "; close() " + toClose + " ms", toOutcome,
                    recorder.events());
        } finally {
            ProcessSignals.thaw(frozen.get());
        }
    }

    @Test
    void garbageFrameMidTurnIsAnErrorEventAndTheTurnGoesOn() {
        injectedFrameScenario("garbage frame mid-turn", session -> "{not json at all");
    }

    @Test
    void wronglyTypedPermissionRequestIsAnErrorEventAndTheTurnGoesOn() {
        injectedFrameScenario("wrongly typed control_request mid-turn", session -> "{\"type\":\"control_request\","
                + "\"request_id\":\"fault-perm-1\"," + runtime(session) + ",\"request\":{\"subtype\":\"can_use_tool\","
                + "\"tool_name\":\"\",\"input\":\"oops\",\"permission_suggestions\":\"oops\"}}");
    }

    @Test
    void frameOver64MiBEndsInATypedOutcome() {
        injectedFrameScenario("64 MiB + 1 frame mid-turn", session -> {
            String head = "{\"type\":\"stream_delta\"," + runtime(session)
                    + ",\"delta\":{\"message_type\":\"assistant_message\",\"id\":\"huge\",\"content\":\"";
            String tail = "\"}}";
            return head + "x".repeat(64 * 1024 * 1024 + 1 - head.length() - tail.length()) + tail;
        });
    }

    /**
     * A held turn, then {@code frame} injected on the session's path: the SDK reports it with a
     * {@code protocol_error} {@code ErrorEvent} and stays in control (an abort ends the turn within the bound), or,
     * for a frame over the size cap, fails the turn with an {@code ErrorEvent} naming the cap.
     */
    private void injectedFrameScenario(String fault, Function<Session, String> frame) {
        assumeFeature(ContractFeature.SLOW_TURNS);
        Assumptions.assumeTrue(peer instanceof FaultInjection, "the peer cannot inject frames; scenario skipped");
        Session session = open(newAgent(), faultOptions().build());
        peer.enqueue(heldTurn("frames incoming"));
        session.send("keep going");
        EventRecorder recorder = closeLater(EventRecorder.record(session.stream(), CRASH_BOUND));
        recorder.awaitNext(Reasoning.class);

        long start = System.nanoTime();
        Assumptions.assumeTrue(((FaultInjection) peer).injectFrame(session, frame.apply(session)),
                "the peer has no path it can write a frame into; scenario skipped");
        ErrorEvent error = recorder.awaitNext(ErrorEvent.class);
        String outcome;
        if (error.errorCode().equals(ErrorCode.PROTOCOL_ERROR)) {
            // Reported, and the turn is still the SDK's to end.
            withinBound("abort() after the frame", CRASH_BOUND, session::abort);
            Result result = recorder.awaitResult();
            assertThat(result.status()).as("%s", result).isEqualTo(Result.Status.INTERRUPTED);
            outcome = "ErrorEvent protocol_error; abort() then Result INTERRUPTED";
        } else {
            // A frame too big to take ends the connection: the turn fails, saying why.
            assertThat(error.errorCode()).as("%s", error).isEqualTo(ErrorCode.STREAM_CLOSED);
            assertThat(error.message()).contains("maxFrameBytes");
            Result result = recorder.awaitResult();
            assertThat(result.status()).as("%s", result).isEqualTo(Result.Status.ERROR);
            outcome = "ErrorEvent stream_closed naming maxFrameBytes; Result ERROR";
        }
        finish(fault, CRASH_BOUND, outcome, millisSince(start), recorder.events());
    }

    private static String runtime(Session session) {
        String conversation = session.conversationId().equals(session.agentId()) ? "default"
                : session.conversationId();
        return "\"runtime\":{\"agent_id\":\"" + session.agentId() + "\",\"conversation_id\":\"" + conversation + "\"}";
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {401, 403, 404, 409, 429, 500, 503})
    void anHttpErrorOfThePeersApiIsATypedException(int status) {
        Assumptions.assumeTrue(peer instanceof FaultInjection injection && injection.failAgentCreation(status),
                "the peer has no HTTP API it can make fail; scenario skipped");
        FaultInjection injection = (FaultInjection) peer;
        Class<? extends LettaCodeException> expected = switch (status) {
            case 401, 403 -> AuthenticationException.class;
            case 404 -> NotFoundException.class;
            case 409 -> ConflictException.class;
            case 429 -> RateLimitException.class;
            default -> TransportException.class;
        };
        long start = System.nanoTime();
        Throwable thrown;
        try {
            thrown = catchThrowable(() -> withinBound("createAgent against HTTP " + status, HTTP_BOUND,
                    () -> client.createAgent(AgentOptions.builder().name("fault-" + status).build())));
        } finally {
            injection.clearApiFailures();
        }
        long toOutcome = millisSince(start);
        Throwable cause = thrown instanceof AssertionError && thrown.getCause() != null ? thrown.getCause() : thrown;
        assertThat(cause).as("createAgent against HTTP %d", status).isInstanceOf(expected);
        assertThat(cause.getMessage()).contains(String.valueOf(status));
        finish("HTTP " + status + " from the peer's API (createAgent)", HTTP_BOUND,
                cause.getClass().getSimpleName(), toOutcome, cause);
    }

    @Test
    void canUseToolThatThrowsDeniesTheCallAndTheTurnGoesOn() {
        Session session = open(newAgent(), faultOptions().canUseTool(request -> {
            throw new IllegalStateException("policy service down");
        }).build());
        peer.enqueue(shellTurn("touch thrown.txt && echo fault-ok"));
        long start = System.nanoTime();
        List<SessionEvent> events = turn(session, "write the file");
        long toOutcome = millisSince(start);

        assertDenied(events, "policy service down");
        finish("canUseTool throws", turnTimeout(), "denied, Result " + last(events).status(), toOutcome, events);
    }

    @Test
    void canUseToolThatNeverAnswersIsDeniedAfterThePermissionTimeout() {
        Session session = open(newAgent(), faultOptions().permissionTimeout(PERMISSION_TIMEOUT)
                .canUseTool(request -> new CompletableFuture<>()).build());
        peer.enqueue(shellTurn("touch unanswered.txt && echo fault-ok"));
        long start = System.nanoTime();
        List<SessionEvent> events = turn(session, "write the file");
        long toOutcome = millisSince(start);

        assertDenied(events, "permissionTimeout");
        finish("canUseTool never answers", PERMISSION_TIMEOUT.plus(turnTimeout()),
                "denied after the permission timeout, Result " + last(events).status(), toOutcome, events);
    }

    @Test
    void canUseToolThatBlocksItsThreadIsInterruptedAndDenied() throws InterruptedException {
        CountDownLatch interrupted = new CountDownLatch(1);
        Session session = open(newAgent(), faultOptions().permissionTimeout(PERMISSION_TIMEOUT).canUseToolSync(request -> {
            try {
                Thread.sleep(TimeUnit.MINUTES.toMillis(10));
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return PermissionDecision.allow();
        }).build());
        peer.enqueue(shellTurn("touch blocked.txt && echo fault-ok"));
        long start = System.nanoTime();
        List<SessionEvent> events = turn(session, "write the file");
        long toOutcome = millisSince(start);

        assertDenied(events, "permissionTimeout");
        assertThat(interrupted.await(turnTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .as("the blocked canUseToolSync thread was interrupted").isTrue();
        finish("canUseToolSync blocks its thread", PERMISSION_TIMEOUT.plus(turnTimeout()),
                "interrupted and denied, Result " + last(events).status(), toOutcome, events);
    }

    @Test
    void closeDuringATurnReturnsAndEndsTheStream() {
        assumeFeature(ContractFeature.SLOW_TURNS);
        Session session = open(newAgent(), faultOptions().build());
        peer.enqueue(heldTurn("busy"));
        session.send("keep going");
        EventRecorder recorder = closeLater(EventRecorder.record(session.stream(), CLOSE_BOUND));
        recorder.awaitNext(Reasoning.class);

        long start = System.nanoTime();
        withinBound("close() during a turn", CLOSE_BOUND, session::close);
        Result result = recorder.awaitResult();
        long toOutcome = millisSince(start);

        assertThat(result.success()).as("%s", result).isFalse();
        finish("close during a turn", CLOSE_BOUND, "Result " + result.status() + " "
                + result.errorCode().map(ErrorCode::value).orElse(""), toOutcome, recorder.events());
    }

    @Test
    void openSendCloseCyclesLeaveNothingBehind() {
        String agent = newAgent();
        int cycles = setup().faultCycles();
        long start = System.nanoTime();
        boolean freshClients = false;
        for (int i = 0; i < cycles; i++) {
            peer.enqueue(TurnScript.text("cycle " + i));
            Optional<LettaCodeClient> fresh = peer.newClient();
            freshClients = fresh.isPresent();
            try (LettaCodeClient cycleClient = fresh.orElse(null);
                    Session session = (cycleClient != null ? cycleClient : client).createSession(agent,
                            faultOptions().build())) {
                session.send("cycle " + i);
                Result result = EventRecorder.record(session.stream(), turnTimeout()).awaitResult();
                assertThat(result.success()).as("cycle %d: %s", i, result).isTrue();
            }
        }
        long total = millisSince(start);
        finish(cycles + " cycles of " + (freshClients ? "LettaCode.create, " : "") + "createSession, send, close",
                turnTimeout().multipliedBy(cycles),
                "every Result success; " + (total / Math.max(1, cycles)) + " ms per cycle", total);
    }

    // ---- helpers ----

    private static TurnScript heldTurn(String reasoning) {
        return TurnScript.builder().reasoning(reasoning).stall().build();
    }

    /**
     * Closes the client, checks the baseline and that no secret reached the logs or what the scenario saw, and
     * records the row.
     */
    private void finish(String fault, Duration bound, String outcome, long toOutcomeMs, Object... seen) {
        long closeStart = System.nanoTime();
        withinBound("client.close()", CLOSE_BOUND, client::close);
        long restored = baseline.assertRestored(SETTLE, fault, peer::ownsProcess);
        String logged = logs.text();
        Sentinels.assertAbsent(fault + ": the logs", logged);
        for (Object observed : seen) {
            Sentinels.assertAbsent(fault + ": what the scenario saw", String.valueOf(observed));
        }
        for (String secret : peer.secrets()) {
            assertThat(logged).as(fault + ": the logs hold the peer's secret").doesNotContain(secret);
            for (Object observed : seen) {
                assertThat(String.valueOf(observed)).as(fault + ": an event holds the peer's secret")
                        .doesNotContain(secret);
            }
        }
        FaultReport.record(fault, setup().getClass().getSimpleName(), bound, outcome, toOutcomeMs,
                millisSince(closeStart) + restored, baseline.waitedFor());
    }

    private void assertDenied(List<SessionEvent> events, String reason) {
        List<ToolResult> results = ofType(events, ToolResult.class);
        assertThat(results).as("tool results in %s", events).hasSize(1);
        assertThat(results.get(0).isError()).isTrue();
        assertThat(results.get(0).content()).contains(reason);
        assertThat(last(events)).as("the turn ended").isNotNull();
    }

    private static void withinBound(String what, Duration bound, Runnable action) {
        FutureTask<Void> task = new FutureTask<>(action, null);
        Thread thread = new Thread(task, "fault-" + what.replaceAll("\\W+", "-"));
        thread.setDaemon(true);
        thread.start();
        try {
            task.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(what + " did not return within " + bound, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new AssertionError(what + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + what, e);
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
